using Amazon.Runtime;

namespace ImdsCheck.CloudWatch;

/// <summary>CloudWatch over AWS JSON 1.0, signed as service "monitoring".</summary>
public sealed class CloudWatchJsonClient : ICloudWatchClient
{
    public const string SigningName = "monitoring";
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    private readonly AwsJsonProtocol _protocol;

    public CloudWatchJsonClient(HttpClient http, AWSCredentials credentials, string region, Uri endpoint, BackoffRetryPolicy retry)
    {
        _protocol = new AwsJsonProtocol(http, credentials, region, endpoint, SigningName, TargetPrefix, retry);
    }

    public AwsJsonProtocol Protocol => _protocol;

    /// <summary>The regional endpoint, e.g. https://monitoring.us-east-1.amazonaws.com/.</summary>
    public static Uri DefaultEndpoint(string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://monitoring.{region}.{suffix}/");
    }

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken) =>
        _protocol.SendAsync<GetMetricDataRequest, GetMetricDataResponse>("GetMetricData", request, cancellationToken);

    public Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken) =>
        _protocol.SendAsync<PutMetricAlarmRequest, PutMetricAlarmResponse>("PutMetricAlarm", request, cancellationToken);

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken) =>
        _protocol.SendAsync<DescribeAlarmsRequest, DescribeAlarmsResponse>("DescribeAlarms", request, cancellationToken);

    public void Dispose()
    {
        // The HttpClient is shared across regions and owned by the session.
    }
}
