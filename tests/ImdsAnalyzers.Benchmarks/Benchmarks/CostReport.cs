using System.Globalization;
using System.Text;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using ImdsAnalyzers.Benchmarks.Analysis;

namespace ImdsAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// The targets of the cost benchmark, computed from the measurements: each analyzer's added time as a
/// ratio to its floor's added time, and the package's share of compile-plus-analyze time. Medians,
/// with 90% bootstrap intervals, because the machine is shared and single iterations stray.
/// </summary>
public static class CostReport
{
    public const double AnalyzerTarget = 1.5;
    public const double PackageShareTarget = 0.02;
    private const int Resamples = 2000;

    public static string From(Summary summary, CorpusWorkload workload, string mode, string clock)
    {
        var samples = summary.Reports
            .Where(r => r.Success)
            .ToDictionary(
                r => (string)r.BenchmarkCase.Parameters["Target"],
                r => r.AllMeasurements
                    .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Result)
                    .Select(m => m.Nanoseconds / m.Operations / 1e6)
                    .ToArray());
        var allocated = summary.Reports.Where(r => r.Success).ToDictionary(
            r => (string)r.BenchmarkCase.Parameters["Target"],
            r => r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0);
        return Render(samples, allocated, workload, mode, clock);
    }

    public static string Render(IReadOnlyDictionary<string, double[]> ms, IReadOnlyDictionary<string, long> allocated, CorpusWorkload workload, string mode, string clock)
    {
        var text = new StringBuilder();
        var compile = ms[AnalyzerSets.CompileOnly];
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {workload.Files.Count} files, {workload.Lines:N0} lines. Mode: {mode}; {compile.Length} measured iterations per case; clock: {clock}.");
        text.AppendLine();
        text.AppendLine("| Case | Median (ms) | Q1–Q3 (ms) | Added over compile (ms) | Allocated/op (MB) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var name in workload.Sets.Names().Where(ms.ContainsKey))
        {
            var values = ms[name];
            var added = name == AnalyzerSets.CompileOnly ? "" : F(Median(values) - Median(compile));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(Median(values))} | {F(Quantile(values, 0.25))}–{F(Quantile(values, 0.75))} | {added} | {allocated.GetValueOrDefault(name) / 1e6:F1} |");
        }

        text.AppendLine();
        text.AppendLine("| Analyzer | Added time ÷ floor's added time | 90% interval | Target ≤ 1.5× |");
        text.AppendLine("|---|---:|---:|---|");
        var random = new Random(1);
        foreach (var name in workload.Sets.AnalyzerNames.Append(AnalyzerSets.All).Where(n => ms.ContainsKey(n) && ms.ContainsKey(AnalyzerSets.FloorPrefix + n)))
        {
            var floor = ms[AnalyzerSets.FloorPrefix + name];
            var ratio = AddedRatio(ms[name], floor, compile);
            var (low, high) = Interval(random, s => AddedRatio(s[0], s[1], s[2]), ms[name], floor, compile);
            var label = name == AnalyzerSets.All ? "all (package)" : name;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {ratio:F2}× | {low:F2}–{high:F2} | {(ratio <= AnalyzerTarget ? "met" : "MISSED")} |");
        }

        if (ms.TryGetValue(AnalyzerSets.All, out var all) && ms.TryGetValue(AnalyzerSets.AllFloors, out var floors))
        {
            var share = Share(all, compile);
            var (shareLow, shareHigh) = Interval(random, s => Share(s[0], s[1]), all, compile);
            var own = Share(all, floors);
            var (ownLow, ownHigh) = Interval(random, s => Share(s[0], s[1]), all, floors);
            text.AppendLine();
            text.AppendLine("| Package share of compile+analyze time | Median | 90% interval | Target ≤ 2% |");
            text.AppendLine("|---|---:|---:|---|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| (all − compile) ÷ all: everything the package adds, floor included | {share:P1} | {shareLow:P1}–{shareHigh:P1} | {(share <= PackageShareTarget ? "met" : "MISSED")} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| (all − all floors) ÷ all: the package's own work beyond the floor | {own:P1} | {ownLow:P1}–{ownHigh:P1} | {(own <= PackageShareTarget ? "met" : "MISSED")} |");
            if (ms.TryGetValue(AnalyzerSets.SyntaxFloor, out var syntax))
            {
                var syntaxShare = Share(syntax, compile);
                var (syntaxLow, syntaxHigh) = Interval(random, s => Share(s[0], s[1]), syntax, compile);
                text.AppendLine(CultureInfo.InvariantCulture, $"| (syntax floor − compile) ÷ syntax floor: empty syntax-node callbacks on the same shapes, for comparison | {syntaxShare:P1} | {syntaxLow:P1}–{syntaxHigh:P1} | |");
            }
        }

        return text.ToString();
    }

    private static double AddedRatio(double[] analyzer, double[] floor, double[] compile) =>
        (Median(analyzer) - Median(compile)) / (Median(floor) - Median(compile));

    private static double Share(double[] with, double[] without) => (Median(with) - Median(without)) / Median(with);

    /// <summary>Percentile bootstrap: resample each case's iterations, recompute the statistic, take the 5th and 95th percentiles.</summary>
    private static (double Low, double High) Interval(Random random, Func<double[][], double> statistic, params double[][] cases)
    {
        var results = new double[Resamples];
        var resampled = cases.Select(c => new double[c.Length]).ToArray();
        for (var i = 0; i < Resamples; i++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                for (var k = 0; k < cases[c].Length; k++)
                {
                    resampled[c][k] = cases[c][random.Next(cases[c].Length)];
                }
            }

            results[i] = statistic(resampled);
        }

        return (Quantile(results, 0.05), Quantile(results, 0.95));
    }

    public static double Median(double[] values) => Quantile(values, 0.5);

    public static double Quantile(double[] values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static string F(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);
}
