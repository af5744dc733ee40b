using System.Globalization;
using ImdsCheck.Scanning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImdsCheck.Output;

/// <summary>A table per region, most urgent first, followed by the region's summary line.</summary>
internal static class ScanTableWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyList<RegionReport> reports)
    {
        foreach (var report in reports)
        {
            console.Write(new Rule(Markup.Escape(report.Region)) { Justification = Justify.Left });
            if (report.Error is not null)
            {
                console.WriteLine(ScanSummary.Describe(report), new Style(Color.Red));
                continue;
            }

            if (report.Defaults is { } defaults)
            {
                console.WriteLine(DescribeDefaults(defaults));
            }

            if (report.Instances.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumns("Instance", "State", "Tokens", "Endpoint", "Hop", "NoToken", "Rejected", "Status", "Reason");
                foreach (var instance in report.Instances.OrderBy(i => Urgency(i.Status)).ThenBy(i => i.Facts.InstanceId, StringComparer.Ordinal))
                {
                    table.AddRow(Cells(instance));
                }

                console.Write(table);
            }

            console.WriteLine(ScanSummary.Describe(report));
            console.WriteLine();
        }
    }

    public static string DescribeDefaults(RegionDefaults defaults) =>
        $"region defaults for new launches: HttpTokens={defaults.HttpTokens}, HttpTokensEnforced={defaults.HttpTokensEnforced}, " +
        $"HttpEndpoint={defaults.HttpEndpoint}, hop limit={defaults.HopLimit?.ToString(CultureInfo.InvariantCulture) ?? RegionDefaults.NoPreference}, " +
        $"managed by {defaults.ManagedBy ?? "account"}";

    private static IRenderable[] Cells(InstanceReport instance)
    {
        var facts = instance.Facts;
        return
        [
            new Text(facts.InstanceId),
            new Text(facts.State),
            new Text(facts.HttpTokens ?? "?"),
            new Text(facts.HttpEndpoint ?? "?"),
            new Text(facts.HopLimit?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new Text(Number(instance.NoToken, absentMeansZero: false)),
            new Text(Number(instance.Rejected, absentMeansZero: true)),
            new Text(instance.Status.ToCliName(), StatusStyle(instance.Status)),
            new Text(instance.Reason),
        ];
    }

    private static string Number(MetricReading reading, bool absentMeansZero) =>
        reading.ReportedCount(absentMeansZero)?.ToString("0.##", CultureInfo.InvariantCulture) ?? (reading.IsComplete ? "-" : "?");

    internal static int Urgency(InstanceStatus status) => status switch
    {
        InstanceStatus.Broken => 0,
        InstanceStatus.InUse => 1,
        InstanceStatus.Unknown => 2,
        InstanceStatus.Ready => 3,
        _ => 4,
    };

    private static Style StatusStyle(InstanceStatus status) => status switch
    {
        InstanceStatus.Broken => new Style(Color.Red),
        InstanceStatus.InUse => new Style(Color.Yellow),
        InstanceStatus.Unknown => new Style(Color.Grey),
        InstanceStatus.Ready => new Style(Color.Aqua),
        _ => new Style(Color.Green),
    };
}
