using Microsoft.CodeAnalysis.Testing;
using ImdsAnalyzers.Tests.Verifiers;
using Verify = ImdsAnalyzers.Tests.Verifiers.CodeFixVerifier<ImdsAnalyzers.Scripts.ScriptMetadataCallAnalyzer, ImdsAnalyzers.CodeFixes.Scripts.ScriptMetadataCallCodeFixProvider>;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Code-fix checks for IMDS003: one fix at a time and Fix All in document, project and solution scope.</summary>
internal static class ScriptFixVerifier
{
    public const string EquivalenceKey = ImdsAnalyzers.CodeFixes.Scripts.ScriptMetadataCallCodeFixProvider.EquivalenceKey;

    public static Task VerifyAsync(string source, string fixedSource, TestLibraries libraries = TestLibraries.None) =>
        Verify.VerifyAsync(source, fixedSource, libraries, EquivalenceKey);

    /// <summary>The call is reported but no fix is offered, so the code stays as it is.</summary>
    public static Task VerifyNoFixAsync(string source)
    {
        var test = Verify.Create(source, source);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        return test.RunAsync();
    }
}
