namespace ImdsCheck.Scanning;

/// <summary>One region's scan; <see cref="Error"/> is set when the region could not be scanned.</summary>
public sealed record RegionReport(string Region, RegionDefaults? Defaults, IReadOnlyList<InstanceReport> Instances, string? Error)
{
    public int Count(InstanceStatus status) => Instances.Count(i => i.Status == status);
}
