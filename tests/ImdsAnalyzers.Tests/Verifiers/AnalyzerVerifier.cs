using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ImdsAnalyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over test sources; markup (<c>{|IMDS001:...|}</c> or <c>[|...|]</c>) marks expected spans.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

    public static Task VerifyAsync(string source, TestLibraries libraries = TestLibraries.None, params DiagnosticResult[] expected)
    {
        var test = Create(source, libraries);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Test Create(string source, TestLibraries libraries = TestLibraries.None)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = TestReferences.Framework };
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(libraries));
        return test;
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
    }
}
