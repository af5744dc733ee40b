namespace ImdsCheck.Scanning;

/// <summary>What DescribeInstances says about one instance.</summary>
public sealed record InstanceFacts(
    string InstanceId,
    string State,
    string? HttpTokens,
    string? HttpEndpoint,
    int? HopLimit,
    DateTime? LaunchTime,
    IReadOnlyDictionary<string, string> Tags);
