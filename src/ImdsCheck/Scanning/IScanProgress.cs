namespace ImdsCheck.Scanning;

/// <summary>Progress of a scan, reported from several regions at once.</summary>
internal interface IScanProgress
{
    void InstancesDescribed(string region, int count);

    void MetricsRead(string region, int queriesDone, int queriesTotal);

    void RegionFinished(string region, string summary);
}

internal sealed class NoProgress : IScanProgress
{
    public static NoProgress Instance { get; } = new();

    public void InstancesDescribed(string region, int count)
    {
    }

    public void MetricsRead(string region, int queriesDone, int queriesTotal)
    {
    }

    public void RegionFinished(string region, string summary)
    {
    }
}
