using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ImdsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer and its code fix. The test framework applies the fix one diagnostic at a time
/// and again through Fix All in document, project and solution scope, and checks that the fixed
/// code compiles and reports nothing further unless told otherwise.
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, string fixedSource, TestLibraries libraries = TestLibraries.None, string? equivalenceKey = null)
    {
        var test = Create(source, fixedSource, libraries);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }

    public static Test Create(string source, string fixedSource, TestLibraries libraries = TestLibraries.None)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Framework,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(libraries));
        return test;
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
    }
}
