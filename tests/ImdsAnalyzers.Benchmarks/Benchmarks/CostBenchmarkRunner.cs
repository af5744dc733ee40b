using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ImdsAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// Runs <see cref="AnalyzerCostBenchmarks"/> and turns the summary into the ratios the targets are
/// stated in. In process: every case shares one parsed corpus, and nothing has to be built per case.
/// </summary>
public static class CostBenchmarkRunner
{
    public static int Run(string[] args)
    {
        var fast = args.Contains("--fast");
        var wall = args.Contains("--wall");
        var at = Array.IndexOf(args, "--iterations");
        int? iterations = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
        var rest = args.Where((a, i) => a is not "--fast" and not "--wall" && i != at && (at < 0 || i != at + 1)).ToArray();

        var config = ManualConfig.CreateEmpty()
            .AddJob(CreateJob(fast, wall, iterations))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Q1, StatisticColumn.Q3)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.DisableLogFile);

        Console.WriteLine($"corpus: {AnalyzerCostBenchmarks.Workload.Files.Count} files, {AnalyzerCostBenchmarks.Workload.Lines:N0} lines; analyzers: {string.Join(", ", AnalyzerCostBenchmarks.Workload.Sets.AnalyzerNames)}");
        var summary = BenchmarkRunner.Run<AnalyzerCostBenchmarks>(config, rest);
        if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0)
        {
            return 1;
        }

        var report = CostReport.From(summary, AnalyzerCostBenchmarks.Workload, fast ? "fast (--fast)" : iterations is null ? "full" : $"--iterations {iterations}", wall ? "wall-clock time" : ProcessCpuClock.Instance.Title);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(summary.ResultsDirectoryPath, "imds-analyzer-cost.md");
        File.WriteAllText(path, report);
        Console.WriteLine($"written to {path}");
        return 0;
    }

    /// <summary>
    /// One operation is seconds long, so one invocation per iteration; a forced GC between iterations
    /// keeps one case's garbage out of the next. --fast (1 warm-up, 5 iterations) trades confidence for
    /// time; --iterations N sets the measured iterations.
    /// </summary>
    private static Job CreateJob(bool fast, bool wall, int? iterations)
    {
        var job = new Job(fast ? "Fast" : "Full", Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(3), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(fast ? 1 : 2)
            .WithIterationCount(iterations ?? (fast ? 5 : 15))
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcForce(true));
        if (!wall && ProcessCpuClock.Instance.IsAvailable)
        {
            job.Infrastructure.Clock = ProcessCpuClock.Instance;
        }

        return job;
    }
}
