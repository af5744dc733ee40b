using Amazon.Runtime;
using ImdsCheck.CloudWatch;

namespace ImdsCheck.Benchmarks;

/// <summary>
/// The approach of older tools such as metabadger, for comparison only: one GetMetricStatistics
/// call per instance for MetadataNoToken.
/// </summary>
internal sealed class PerInstanceStatistics
{
    private readonly AwsJsonProtocol _protocol;

    public PerInstanceStatistics(HttpClient http, AWSCredentials credentials, string region, Uri endpoint)
    {
        _protocol = new AwsJsonProtocol(http, credentials, region, endpoint, CloudWatchJsonClient.SigningName, CloudWatchJsonClient.TargetPrefix, BackoffRetryPolicy.Default);
    }

    public async Task<Dictionary<string, double?>> ReadAsync(IReadOnlyList<string> instanceIds, DateTime start, DateTime end, int parallelCalls, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, double?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(instanceIds, new ParallelOptions { MaxDegreeOfParallelism = parallelCalls, CancellationToken = cancellationToken }, async (instanceId, token) =>
        {
            var response = await _protocol.SendAsync<GetMetricStatisticsRequest, GetMetricStatisticsResponse>("GetMetricStatistics", new GetMetricStatisticsRequest
            {
                Namespace = "AWS/EC2",
                MetricName = "MetadataNoToken",
                Dimensions = [new Dimension { Name = "InstanceId", Value = instanceId }],
                StartTime = start,
                EndTime = end,
                Period = (int)(end - start).TotalSeconds,
                Statistics = ["Sum"],
            }, token).ConfigureAwait(false);
            var sum = response.Datapoints is { Count: > 0 } points ? points.Sum(p => p.Sum ?? 0) : (double?)null;
            lock (sums)
            {
                sums[instanceId] = sum;
            }
        }).ConfigureAwait(false);
        return sums;
    }

    private sealed class GetMetricStatisticsRequest
    {
        public string? Namespace { get; set; }

        public string? MetricName { get; set; }

        public List<Dimension>? Dimensions { get; set; }

        public DateTime StartTime { get; set; }

        public DateTime EndTime { get; set; }

        public int Period { get; set; }

        public List<string>? Statistics { get; set; }
    }

    private sealed class GetMetricStatisticsResponse
    {
        public List<Datapoint>? Datapoints { get; set; }
    }

    private sealed class Datapoint
    {
        public double? Sum { get; set; }
    }
}
