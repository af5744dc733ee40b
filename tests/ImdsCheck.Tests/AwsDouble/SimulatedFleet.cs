using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImdsCheck.Tests.AwsDouble;

/// <summary>How a simulated instance's metric queries misbehave.</summary>
public enum MetricFault
{
    None,
    PartialData,
    InternalError,
    Forbidden,
    Message,
}

/// <summary>One instance as EC2 and CloudWatch know it.</summary>
public sealed class SimInstance
{
    public required string InstanceId { get; init; }

    public string State { get; set; } = "running";

    public string HttpTokens { get; set; } = "optional";

    public string HttpEndpoint { get; set; } = "enabled";

    public int HopLimit { get; set; } = 1;

    public string MetadataOptionsState { get; set; } = "applied";

    public DateTime LaunchTime { get; set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>MetadataNoToken datapoints (1-minute granularity is not needed: one per day is enough to sum).</summary>
    public List<(DateTime Time, double Value)> NoToken { get; } = [];

    public List<(DateTime Time, double Value)> NoTokenRejected { get; } = [];

    public MetricFault Fault { get; set; }

    /// <summary>The status the fleet was built to produce with the default 14-day window; null when excluded (terminated).</summary>
    public string? IntendedStatus { get; set; }

    public List<(DateTime Time, double Value)> Datapoints(string metricName) => metricName switch
    {
        "MetadataNoToken" => NoToken,
        "MetadataNoTokenRejected" => NoTokenRejected,
        _ => [],
    };
}

/// <summary>A region's account-level metadata defaults; null fields mean "no preference".</summary>
public sealed class SimDefaults
{
    public string? HttpTokens { get; set; }

    public string? HttpTokensEnforced { get; set; }

    public string? HttpEndpoint { get; set; }

    public int? HopLimit { get; set; }

    public string? InstanceMetadataTags { get; set; }

    public string ManagedBy { get; set; } = "account";

    public string? ManagedExceptionMessage { get; set; }
}

public sealed class SimRegion
{
    private readonly Dictionary<string, SimInstance> _byId = new(StringComparer.Ordinal);

    public SimRegion(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Sorted by instance ID, as DescribeInstances pages through them.</summary>
    public List<SimInstance> Instances { get; } = [];

    public SimDefaults Defaults { get; } = new();

    /// <summary>Stored alarms by name, in the JSON shape DescribeAlarms returns.</summary>
    public ConcurrentDictionary<string, JsonObject> Alarms { get; } = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    public void Add(SimInstance instance)
    {
        Instances.Add(instance);
        _byId[instance.InstanceId] = instance;
    }

    public void Sort() => Instances.Sort((a, b) => string.CompareOrdinal(a.InstanceId, b.InstanceId));

    public SimInstance? Find(string instanceId) => _byId.GetValueOrDefault(instanceId);
}

/// <summary>The whole simulated account: regions with instances, defaults and alarms.</summary>
public sealed class SimulatedFleet
{
    public SimulatedFleet(DateTime now)
    {
        Now = now;
    }

    /// <summary>The moment the fleet's datapoints are relative to.</summary>
    public DateTime Now { get; }

    public Dictionary<string, SimRegion> Regions { get; } = new(StringComparer.Ordinal);

    public SimRegion Region(string name)
    {
        if (!Regions.TryGetValue(name, out var region))
        {
            region = new SimRegion(name);
            Regions[name] = region;
        }

        return region;
    }

    public IEnumerable<SimInstance> AllInstances => Regions.Values.SelectMany(r => r.Instances);
}
