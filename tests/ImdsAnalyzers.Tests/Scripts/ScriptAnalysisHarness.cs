using System.Collections.Immutable;
using ImdsAnalyzers.Scripts;
using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.Scripts;

/// <summary>Runs the IMDS003 analyzer on any source, broken or not, and fails on any analyzer exception.</summary>
internal static class ScriptAnalysisHarness
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References =
        new(() => TestReferences.Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static async Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => await References.Value;

    public static async Task<Compilation> CompileAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs");
        return CSharpCompilation.Create("Scripts", [tree], await GetReferencesAsync(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>The IMDS003 diagnostics; throws if the analyzer threw (which a build would show as AD0001).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers([new ScriptMetadataCallAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) => await AnalyzeAsync(await CompileAsync(source));
}
