namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>One way of sending the same request; the monitor variants start the process-wide monitor around their turn.</summary>
internal sealed record Variant(string Name, HttpClient Client, bool Monitor, bool AmbientActivity, bool EmptySubscriber = false)
{
    /// <summary>False for reference rows that the verdict does not judge.</summary>
    public bool Counts { get; init; } = true;
}
