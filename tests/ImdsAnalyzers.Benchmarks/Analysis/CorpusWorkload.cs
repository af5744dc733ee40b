using System.Collections.Immutable;
using ImdsAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The generated corpus parsed once, and the way every benchmark case compiles and analyzes it:
/// a fresh compilation per run (a compilation caches its binding), single-threaded so that the
/// figures measure work rather than how the two shared cores happened to be scheduled.
/// </summary>
public sealed class CorpusWorkload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    public CorpusWorkload(int fileCount = CorpusGenerator.DefaultFileCount, int seed = CorpusGenerator.DefaultSeed)
    {
        Files = CorpusGenerator.Generate(fileCount, seed);
        Trees = Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToImmutableArray();
        References = CorpusReferences.Get();
        Sets = new AnalyzerSets(NewCompilation(), Options);
    }

    public IReadOnlyList<CorpusFile> Files { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public AnalyzerOptions Options { get; } = new(ImmutableArray<AdditionalText>.Empty);

    public AnalyzerSets Sets { get; }

    public int Lines => Trees.Sum(t => t.GetText().Lines.Count);

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Corpus", Trees, References, CompilationOptions);

    /// <summary>Compiler diagnostics alone, or compiler plus analyzer diagnostics: what a build computes.</summary>
    public ImmutableArray<Diagnostic> Run(string set, bool logExecutionTime = false) =>
        Run(set, logExecutionTime, out _);

    /// <summary>Compile and analyze with analyzers outside the named sets (e.g. wrapped for timing).</summary>
    public ImmutableArray<Diagnostic> RunWith(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        Run(analyzers, logExecutionTime: false, out _);

    public ImmutableArray<Diagnostic> Run(string set, bool logExecutionTime, out AnalysisResult? result) =>
        Run(Sets[set], logExecutionTime, out result);

    private ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, out AnalysisResult? result)
    {
        var compilation = NewCompilation();
        result = null;
        if (analyzers.IsEmpty)
        {
            return compilation.GetDiagnostics();
        }

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime, reportSuppressedDiagnostics: false));
        if (!logExecutionTime)
        {
            return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        }

        result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        return compilation.GetDiagnostics().AddRange(result.GetAllDiagnostics());
    }
}
