namespace ImdsCheck.Tests.AwsDouble;

public sealed class DoubleOptions
{
    /// <summary>Added to every answer, to model the network and the service.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>GetMetricData's page budget in datapoints (AWS: 100,800); results with no datapoints count as one.</summary>
    public int MaxDatapointsPerPage { get; set; } = 100_800;

    /// <summary>When set, only these access key IDs are accepted; others get the service's "invalid credentials" error.</summary>
    public HashSet<string>? AcceptedAccessKeyIds { get; set; }
}
