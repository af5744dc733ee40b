using System.Globalization;
using System.Text;
using ImdsAnalyzers.Benchmarks.Analysis;

namespace ImdsAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// The same cases as the BenchmarkDotNet run, measured in rounds: every round runs every case once,
/// starting at a different case each time, so a change in the machine's load hits all cases alike.
/// Differences are taken within a round (analyzer minus its floor, floor minus compile) and then
/// summarised by their median. BenchmarkDotNet runs one case to the end before the next, which on a
/// shared machine turns load drift into differences between cases.
/// </summary>
public static class InterleavedRunner
{
    public static int Run(int rounds)
    {
        var workload = AnalyzerCostBenchmarks.Workload;
        var cases = workload.Sets.Names().ToList();
        Console.WriteLine($"interleaved: {workload.Files.Count} files, {workload.Lines:N0} lines; {cases.Count} cases x {rounds} rounds (+1 warm-up round); clock: process CPU time");
        var times = cases.ToDictionary(c => c, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = -1; round < rounds; round++)
        {
            for (var k = 0; k < cases.Count; k++)
            {
                var name = cases[(k + Math.Max(round, 0)) % cases.Count];
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var start = ProcessCpuClock.Instance.GetTimestamp();
                workload.Run(name);
                var ms = (ProcessCpuClock.Instance.GetTimestamp() - start) / 1e6;
                if (round >= 0)
                {
                    times[name].Add(ms);
                }
            }

            Console.WriteLine(round < 0 ? "warm-up round done" : $"round {round + 1}/{rounds}: " + string.Join(", ", cases.Select(c => $"{c} {times[c][^1]:F0}")));
        }

        var report = Render(workload, times, rounds);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "imds-analyzer-cost-interleaved.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
        return 0;
    }

    private static string Render(CorpusWorkload workload, Dictionary<string, List<double>> t, int rounds)
    {
        double Med(IEnumerable<double> values) => CostReport.Median(values.ToArray());
        double Q(IEnumerable<double> values, double q) => CostReport.Quantile(values.ToArray(), q);
        IEnumerable<double> Diff(string a, string b) => t[a].Zip(t[b], (x, y) => x - y);
        string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {workload.Files.Count} files, {workload.Lines:N0} lines. {rounds} interleaved rounds; clock: process CPU time; differences paired within rounds.");
        text.AppendLine();
        text.AppendLine("| Case | Median (ms) | Q1–Q3 (ms) | Added over compile, paired median (ms) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var name in t.Keys)
        {
            var added = name == AnalyzerSets.CompileOnly ? "" : F(Med(Diff(name, AnalyzerSets.CompileOnly)));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(Med(t[name]))} | {F(Q(t[name], 0.25))}–{F(Q(t[name], 0.75))} | {added} |");
        }

        text.AppendLine();
        text.AppendLine("| Analyzer | Floor adds (ms) | Analyzer beyond its floor, paired median (Q1–Q3) (ms) | Added ÷ floor's added | Target ≤ 1.5× |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var name in workload.Sets.AnalyzerNames.Append(AnalyzerSets.All).Where(n => t.ContainsKey(n)))
        {
            var floorName = AnalyzerSets.FloorPrefix + name;
            var floorAdds = Med(Diff(floorName, AnalyzerSets.CompileOnly));
            var beyond = Diff(name, floorName).ToArray();
            var ratio = (floorAdds + Med(beyond)) / floorAdds;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {(name == AnalyzerSets.All ? "all (package)" : name)} | {F(floorAdds)} | {F(Med(beyond))} ({F(Q(beyond, 0.25))} to {F(Q(beyond, 0.75))}) | {ratio:F2}× | {(ratio <= CostReport.AnalyzerTarget ? "met" : "MISSED")} |");
        }

        if (t.ContainsKey(AnalyzerSets.All))
        {
            var all = Med(t[AnalyzerSets.All]);
            var everything = Med(Diff(AnalyzerSets.All, AnalyzerSets.CompileOnly)) / all;
            var own = Diff(AnalyzerSets.All, AnalyzerSets.AllFloors).ToArray();
            text.AppendLine();
            text.AppendLine("| Package share of compile+analyze time | Median | Target ≤ 2% |");
            text.AppendLine("|---|---:|---|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| (all − compile) ÷ all: everything the package adds, floor included | {everything:P1} | {(everything <= CostReport.PackageShareTarget ? "met" : "MISSED")} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| (all − all floors) ÷ all: the package's own work beyond the floor (Q1 to Q3: {Q(own, 0.25) / all:P1} to {Q(own, 0.75) / all:P1}) | {Med(own) / all:P1} | {(Med(own) / all <= CostReport.PackageShareTarget ? "met" : "MISSED")} |");
            if (t.ContainsKey(AnalyzerSets.SyntaxFloor))
            {
                var syntax = Med(Diff(AnalyzerSets.SyntaxFloor, AnalyzerSets.CompileOnly)) / Med(t[AnalyzerSets.SyntaxFloor]);
                text.AppendLine(CultureInfo.InvariantCulture, $"| (syntax floor − compile) ÷ syntax floor: empty syntax-node callbacks on the same shapes, for comparison | {syntax:P1} | |");
            }
        }

        return text.ToString();
    }
}
