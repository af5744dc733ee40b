using ImdsCheck.CloudWatch;
using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.CloudWatch;

/// <summary>The hand-written CloudWatch client against the double: protocol, signing, retries and errors.</summary>
public sealed class CloudWatchJsonClientTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Requests_are_JSON_1_0_with_the_target_header_epoch_timestamps_and_a_monitoring_signature()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 10, regions: "eu-west-1");
        using var client = Client(aws, "eu-west-1", BackoffRetryPolicy.Default);
        var end = new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc);

        var response = await client.GetMetricDataAsync(new GetMetricDataRequest
        {
            StartTime = end.AddDays(-1),
            EndTime = end,
            MetricDataQueries = [new MetricDataQuery { Id = "q", MetricStat = new MetricStat { Period = 86400, Stat = "Sum", Metric = new Metric { Namespace = "AWS/EC2", MetricName = "MetadataNoToken", Dimensions = [new Dimension { Name = "InstanceId", Value = "i-01000000000000000" }] } } }],
        }, CancellationToken.None);

        var call = Assert.Single(aws.Calls.All);
        Assert.Equal(("cloudwatch", "monitoring", "GetMetricData", "eu-west-1", "AKIDCLIENTTEST000001"), (call.Protocol, call.SigningService, call.Action, call.Region, call.AccessKeyId));
        Assert.Equal(1736812800, call.Json!.Value.GetProperty("StartTime").GetInt64());
        Assert.Equal("Complete", Assert.Single(response.MetricDataResults!).StatusCode);
    }

    [Fact]
    public async Task Throttling_and_5xx_are_retried_until_success()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 10, regions: "eu-west-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "cloudwatch", Times = 2 });
        aws.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Protocol = "cloudwatch", Times = 1 });
        using var client = Client(aws, "eu-west-1", new BackoffRetryPolicy(5, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)));
        var retries = new List<string?>();
        client.Protocol.Retrying += (_, _, code) => retries.Add(code);

        var response = await client.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNamePrefix = "x" }, CancellationToken.None);

        Assert.Empty(response.MetricAlarms!);
        Assert.Equal(["Throttling", "Throttling", "InternalServiceError"], retries);
        Assert.Equal(4, aws.Calls.All.Count);
        Assert.Equal(200, aws.Calls.All[^1].StatusCode);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_error_code_comes_from_the_query_error_header()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 10, regions: "eu-west-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "cloudwatch" });
        using var client = Client(aws, "eu-west-1", new BackoffRetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));

        var error = await Assert.ThrowsAsync<CloudWatchServiceException>(() => client.DescribeAlarmsAsync(new DescribeAlarmsRequest(), CancellationToken.None));

        Assert.Equal(("Throttling", 400, 3), (error.ErrorCode, error.HttpStatus, error.Attempts));
        Assert.Equal(3, aws.Calls.All.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 10, regions: "eu-west-1");
        using var client = Client(aws, "eu-west-1", BackoffRetryPolicy.Default);

        var error = await Assert.ThrowsAsync<CloudWatchServiceException>(() => client.PutMetricAlarmAsync(
            new PutMetricAlarmRequest { AlarmName = "a", Period = 45, EvaluationPeriods = 1, ComparisonOperator = "GreaterThanThreshold" }, CancellationToken.None));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Single(aws.Calls.All);
    }

    private static CloudWatchJsonClient Client(AwsDoubleServer aws, string region, BackoffRetryPolicy retry) =>
        new(Http, new Amazon.Runtime.BasicAWSCredentials("AKIDCLIENTTEST000001", "clientTestSecretKey0000000000"), region, aws.Url, retry);
}
