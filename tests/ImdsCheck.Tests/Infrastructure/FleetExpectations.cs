using ImdsCheck.Tests.AwsDouble;

namespace ImdsCheck.Tests.Infrastructure;

/// <summary>Facts about a simulated fleet that tests compare the tool's answers with.</summary>
public static class FleetExpectations
{
    public static IEnumerable<SimInstance> WithIntendedStatus(this SimRegion region, string status) =>
        region.Instances.Where(i => i.IntendedStatus == status);

    /// <summary>The sum of a series over the last <paramref name="days"/> days, as the tool's window sees it.</summary>
    public static double SumOverDays(IEnumerable<(DateTime Time, double Value)> series, int days)
    {
        var start = DateTime.UtcNow.AddDays(-days).AddMinutes(1);
        return series.Where(p => p.Time >= start).Sum(p => p.Value);
    }
}
