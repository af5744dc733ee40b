namespace ImdsCheck.CloudWatch;

// Shapes mirror the CloudWatch API model (and AWSSDK.CloudWatch's class names), so that the SDK
// client can take over behind ICloudWatchClient without touching callers.

public sealed class Dimension
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class Metric
{
    public string? Namespace { get; set; }
    public string? MetricName { get; set; }
    public List<Dimension>? Dimensions { get; set; }
}

public sealed class MetricStat
{
    public Metric Metric { get; set; } = new();
    public int Period { get; set; }
    public string Stat { get; set; } = "Sum";
    public string? Unit { get; set; }
}

public sealed class MetricDataQuery
{
    public string Id { get; set; } = "";
    public MetricStat? MetricStat { get; set; }
    public string? Expression { get; set; }
    public string? Label { get; set; }
    public bool? ReturnData { get; set; }
}

public sealed class GetMetricDataRequest
{
    public List<MetricDataQuery> MetricDataQueries { get; set; } = [];
    public DateTime StartTime { get; set; }
    public DateTime EndTime { get; set; }
    public string? NextToken { get; set; }
    public string? ScanBy { get; set; }
    public int? MaxDatapoints { get; set; }
}

public sealed class MessageData
{
    public string? Code { get; set; }
    public string? Value { get; set; }
}

public sealed class MetricDataResult
{
    public string? Id { get; set; }
    public string? Label { get; set; }
    public List<DateTime>? Timestamps { get; set; }
    public List<double>? Values { get; set; }
    public string? StatusCode { get; set; }
    public List<MessageData>? Messages { get; set; }
}

public sealed class GetMetricDataResponse
{
    public List<MetricDataResult>? MetricDataResults { get; set; }
    public string? NextToken { get; set; }
    public List<MessageData>? Messages { get; set; }
}

public sealed class PutMetricAlarmRequest
{
    public string AlarmName { get; set; } = "";
    public string? AlarmDescription { get; set; }
    public bool? ActionsEnabled { get; set; }
    public List<string>? OKActions { get; set; }
    public List<string>? AlarmActions { get; set; }
    public List<string>? InsufficientDataActions { get; set; }
    public string? MetricName { get; set; }
    public string? Namespace { get; set; }
    public string? Statistic { get; set; }
    public List<Dimension>? Dimensions { get; set; }
    public int? Period { get; set; }
    public int? EvaluationPeriods { get; set; }
    public int? DatapointsToAlarm { get; set; }
    public double? Threshold { get; set; }
    public string? ComparisonOperator { get; set; }
    public string? TreatMissingData { get; set; }
}

public sealed class PutMetricAlarmResponse
{
}

public sealed class DescribeAlarmsRequest
{
    public List<string>? AlarmNames { get; set; }
    public string? AlarmNamePrefix { get; set; }
    public List<string>? AlarmTypes { get; set; }
    public int? MaxRecords { get; set; }
    public string? NextToken { get; set; }
}

public sealed class MetricAlarm
{
    public string? AlarmName { get; set; }
    public string? AlarmArn { get; set; }
    public string? AlarmDescription { get; set; }
    public bool? ActionsEnabled { get; set; }
    public List<string>? OKActions { get; set; }
    public List<string>? AlarmActions { get; set; }
    public List<string>? InsufficientDataActions { get; set; }
    public string? StateValue { get; set; }
    public string? MetricName { get; set; }
    public string? Namespace { get; set; }
    public string? Statistic { get; set; }
    public List<Dimension>? Dimensions { get; set; }
    public int? Period { get; set; }
    public int? EvaluationPeriods { get; set; }
    public int? DatapointsToAlarm { get; set; }
    public double? Threshold { get; set; }
    public string? ComparisonOperator { get; set; }
    public string? TreatMissingData { get; set; }
}

public sealed class DescribeAlarmsResponse
{
    public List<MetricAlarm>? MetricAlarms { get; set; }
    public string? NextToken { get; set; }
}
