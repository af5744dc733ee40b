namespace ImdsCheck.Scanning;

public static class ScanSummary
{
    public static string Describe(RegionReport report)
    {
        if (report.Error is not null)
        {
            return $"{report.Region}: scan failed: {report.Error}";
        }

        return $"{report.Region}: {report.Instances.Count} instances: " +
               $"{report.Count(InstanceStatus.Ready)} ready, {report.Count(InstanceStatus.InUse)} in-use, " +
               $"{report.Count(InstanceStatus.Broken)} broken, {report.Count(InstanceStatus.Enforced)} enforced, " +
               $"{report.Count(InstanceStatus.Unknown)} unknown";
    }

    /// <summary>0 when nothing needs attention, 1 when an instance is in-use or broken, 2 when a region failed.</summary>
    public static int ExitCode(IReadOnlyList<RegionReport> reports)
    {
        if (reports.Any(r => r.Error is not null))
        {
            return ExitCodes.Incomplete;
        }

        return reports.Any(r => r.Instances.Any(i => i.Status.NeedsAttention())) ? ExitCodes.NeedsAttention : ExitCodes.Ok;
    }
}
