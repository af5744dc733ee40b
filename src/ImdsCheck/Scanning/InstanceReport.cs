namespace ImdsCheck.Scanning;

public sealed record InstanceReport(InstanceFacts Facts, MetricReading NoToken, MetricReading Rejected, InstanceStatus Status, string Reason);
