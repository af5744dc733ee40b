using BenchmarkDotNet.Attributes;
using ImdsAnalyzers.Benchmarks.Analysis;

namespace ImdsAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// One case per analyzer set: the compiler alone, each analyzer and its floor, the whole package and
/// the floors of all its analyzers. Each operation compiles the corpus afresh and computes every
/// diagnostic, as a build does.
/// </summary>
public class AnalyzerCostBenchmarks
{
    private static readonly Lazy<CorpusWorkload> SharedWorkload = new(() => new CorpusWorkload());

    public static CorpusWorkload Workload => SharedWorkload.Value;

    public static IEnumerable<string> Targets() => Workload.Sets.Names();

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = AnalyzerSets.CompileOnly;

    [Benchmark]
    public int CompileAndAnalyze() => Workload.Run(Target).Length;
}
