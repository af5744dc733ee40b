using System.Globalization;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>Prints the figures of one process, or a summary over several, and the verdict against the target.</summary>
internal static class Report
{
    /// <summary>Prints the tables and the verdict; true when a judged ratio is above the target.</summary>
    public static bool Print(IReadOnlyList<LoopbackRow> loopback, IReadOnlyList<AddedCostRow> added, int processes)
    {
        var summarised = processes > 1;
        var verdict = new List<(string Scenario, string Variant, double Cpu, double Wall, double Implied)>();
        foreach (var scenario in loopback.Select(r => r.Scenario).Distinct())
        {
            var rows = Group(loopback.Where(r => r.Scenario == scenario), r => r.Variant);
            var baselineMicroseconds = Math.Min(rows[0].Rows.Average(r => r.CpuMicroseconds), rows[0].Rows.Average(r => r.WallMicroseconds));
            Console.WriteLine($"## Loopback requests, {scenario}");
            Console.WriteLine(summarised
                ? "| variant | CPU ratio: mean ± 95% CI [range] | wall ratio: mean ± 95% CI [range] | CPU µs/request | wall µs/request | bytes/request |"
                : "| variant | CPU ratio | CPU ratio of 10th percentiles | wall ratio | CPU µs/request | wall µs/request | bytes/request |");
            Console.WriteLine(summarised ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (variant, group) in rows)
            {
                Console.WriteLine(summarised
                    ? Invariant($"| {variant} | {Spread(group.Select(r => r.CpuRatio).ToArray())} | {Spread(group.Select(r => r.WallRatio).ToArray())} | {group.Average(r => r.CpuMicroseconds):0.0} | {group.Average(r => r.WallMicroseconds):0.0} | {group.Average(r => r.Bytes):0} |")
                    : Invariant($"| {variant} | {group[0].CpuRatio:0.000} | {group[0].QuietCpuRatio:0.000} | {group[0].WallRatio:0.000} | {group[0].CpuMicroseconds:0.0} | {group[0].WallMicroseconds:0.0} | {group[0].Bytes:0} |"));
            }

            Console.WriteLine();
            var addedRows = Group(added.Where(r => r.Scenario == scenario), r => r.Variant);
            Console.WriteLine($"## Added work per request over an in-memory connection, {scenario}");
            Console.WriteLine("| variant | ns/request | added ns/request | added bytes/request | implied loopback ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (variant, group) in addedRows)
            {
                var addedNanoseconds = group.Select(r => r.AddedNanoseconds).ToArray();
                var implied = 1 + (addedNanoseconds.Average() / (baselineMicroseconds * 1000));
                Console.WriteLine(Invariant($"| {variant} | {group.Average(r => r.Nanoseconds):0} | {(summarised ? Spread(addedNanoseconds, "0") : addedNanoseconds[0].ToString("0", CultureInfo.InvariantCulture))} | {group.Average(r => r.AddedBytes):0} | {implied:0.000} |"));
                var measured = rows.FirstOrDefault(r => r.Variant == variant).Rows;
                if (group[0].Counts && measured is not null)
                {
                    verdict.Add((scenario, variant, measured.Average(r => r.CpuRatio), measured.Average(r => r.WallRatio), implied));
                }
            }

            Console.WriteLine();
        }

        Console.WriteLine($"## Verdict (target: every ratio at most {BenchmarkSettings.Target:0.00}{(summarised ? $"; means over {processes} processes" : string.Empty)})");
        Console.WriteLine("| scenario | variant | loopback CPU | loopback wall | implied by added work | |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        var over = new List<string>();
        foreach (var (scenario, variant, cpu, wall, implied) in verdict)
        {
            var worst = Math.Max(cpu, Math.Max(wall, implied));
            var met = worst <= BenchmarkSettings.Target;
            if (!met)
            {
                over.Add($"{variant} ({scenario})");
            }

            Console.WriteLine(Invariant($"| {scenario} | {variant} | {cpu:0.000} | {wall:0.000} | {implied:0.000} | {(met ? "met" : "above target")} |"));
        }

        Console.WriteLine();
        Console.WriteLine(over.Count == 0
            ? $"RESULT: every ratio is at most {BenchmarkSettings.Target:0.00}"
            : $"RESULT: above {BenchmarkSettings.Target:0.00}: {string.Join("; ", over)}");
        return over.Count > 0;
    }

    // Rows of the same variant, in the order the variants first appear.
    private static List<(string Variant, List<T> Rows)> Group<T>(IEnumerable<T> rows, Func<T, string> variant)
    {
        var groups = new List<(string Variant, List<T> Rows)>();
        foreach (var row in rows)
        {
            var name = variant(row);
            var index = groups.FindIndex(g => g.Variant == name);
            if (index < 0)
            {
                groups.Add((name, [row]));
            }
            else
            {
                groups[index].Rows.Add(row);
            }
        }

        return groups;
    }

    private static string Spread(IReadOnlyList<double> values, string format = "0.000") =>
        Invariant($"{values.Average().ToString(format, CultureInfo.InvariantCulture)} ± {Statistics.ConfidenceHalfWidth(values).ToString(format, CultureInfo.InvariantCulture)} [{values.Min().ToString(format, CultureInfo.InvariantCulture)}, {values.Max().ToString(format, CultureInfo.InvariantCulture)}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
