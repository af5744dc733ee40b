namespace ImdsCheck.CloudWatch;

/// <summary>
/// The three CloudWatch operations imds-check needs. AWSSDK.CloudWatch's IAmazonCloudWatch has the
/// same operations with the same request and response shapes, so an adapter over it can replace
/// <see cref="CloudWatchJsonClient"/> once that package is available.
/// </summary>
public interface ICloudWatchClient : IDisposable
{
    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken);

    Task<PutMetricAlarmResponse> PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken);

    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken);
}
