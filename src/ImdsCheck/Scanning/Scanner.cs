using ImdsCheck.Aws;

namespace ImdsCheck.Scanning;

/// <summary>
/// Scans regions in parallel: DescribeInstances (all pages), optionally the region defaults, and
/// the two metrics for every instance, then classifies each instance.
/// </summary>
internal sealed class Scanner
{
    private readonly AwsSession _session;

    public Scanner(AwsSession session)
    {
        _session = session;
    }

    public bool IncludeDefaults { get; init; } = true;

    public async Task<List<RegionReport>> ScanAsync(IReadOnlyList<string> regions, InstanceSelector selector, MetricWindow window, IScanProgress progress, CancellationToken cancellationToken)
    {
        // A region's failure becomes its report here, so that the fan-out never sees one.
        var scanned = await RegionFanOut.RunAsync(regions, region => ScanOrReportFailureAsync(region, selector, window, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        return [.. scanned.Select(s => s.Result!)];
    }

    private async Task<RegionReport> ScanOrReportFailureAsync(string region, InstanceSelector selector, MetricWindow window, IScanProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await ScanRegionAsync(region, selector, window, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ImdsCheckFailure failure)
        {
            progress.RegionFinished(region, "failed");
            return new RegionReport(region, null, [], failure.Message);
        }
    }

    private async Task<RegionReport> ScanRegionAsync(string region, InstanceSelector selector, MetricWindow window, IScanProgress progress, CancellationToken cancellationToken)
    {
        using var ec2 = new Ec2Gateway(_session.CreateEc2(region), region, _session.Redactor);
        var defaults = IncludeDefaults ? await ec2.GetDefaultsAsync(cancellationToken).ConfigureAwait(false) : null;

        var described = await ec2.DescribeInstancesAsync(selector, count => progress.InstancesDescribed(region, count), cancellationToken).ConfigureAwait(false);
        var instances = described.Where(i => IsLive(i.State) && selector.Matches(i)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

        using var cloudWatch = _session.CreateCloudWatch(region);
        var fetcher = new MetricFetcher(cloudWatch, region, _session.Redactor);
        var totalQueries = instances.Count * 2;
        var readings = instances.Count == 0
            ? []
            : await fetcher.FetchAsync([.. instances.Select(i => i.InstanceId)], window, done => progress.MetricsRead(region, done, totalQueries), cancellationToken).ConfigureAwait(false);

        var reports = new List<InstanceReport>(instances.Count);
        foreach (var instance in instances)
        {
            var (noToken, rejected) = readings[instance.InstanceId];
            var (status, reason) = StatusClassifier.Classify(instance, noToken, rejected, window);
            reports.Add(new InstanceReport(instance, noToken, rejected, status, reason));
        }

        var report = new RegionReport(region, defaults, reports, null);
        progress.RegionFinished(region, ScanSummary.Describe(report));
        return report;
    }

    /// <summary>Terminated instances linger in DescribeInstances for a while but can no longer be changed.</summary>
    internal static bool IsLive(string state) => state is not ("terminated" or "shutting-down");
}
