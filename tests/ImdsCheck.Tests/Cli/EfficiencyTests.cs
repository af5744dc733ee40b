using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

/// <summary>For N instances in a region: at most ceil(2N/500) GetMetricData calls plus NextToken pages, and ceil(N/1000) DescribeInstances pages.</summary>
public sealed class EfficiencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(2345)]
    public async Task Scan_makes_the_minimum_number_of_describe_and_metric_calls(int instances)
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: instances, regions: "us-east-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet"));

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var live = aws.Fleet.Region("us-east-1").Instances.Count(i => i.State != "terminated");
        Assert.Equal((int)Math.Ceiling(instances / 1000.0), aws.Calls.Count("DescribeInstances"));
        var metricCalls = aws.Calls.Of("GetMetricData");
        Assert.True(metricCalls.Count <= (int)Math.Ceiling(2.0 * instances / 500), $"{metricCalls.Count} GetMetricData calls for {instances} instances");
        Assert.All(metricCalls, call => Assert.False(call.Json!.Value.TryGetProperty("NextToken", out _)));

        // One Sum query per instance and metric, each with only the InstanceId dimension.
        var queries = metricCalls.SelectMany(c => c.Json!.Value.GetProperty("MetricDataQueries").EnumerateArray()).ToList();
        Assert.All(metricCalls, c => Assert.InRange(c.Json!.Value.GetProperty("MetricDataQueries").GetArrayLength(), 1, 500));
        Assert.Equal(2 * live, queries.Count);
        var perInstance = queries.GroupBy(q => q.GetProperty("MetricStat").GetProperty("Metric").GetProperty("Dimensions").EnumerateArray().Single().GetProperty("Value").GetString());
        Assert.Equal(live, perInstance.Count());
        Assert.All(perInstance, group => Assert.Equal(["MetadataNoToken", "MetadataNoTokenRejected"],
            group.Select(q => q.GetProperty("MetricStat").GetProperty("Metric").GetProperty("MetricName").GetString()).Order()));
        Assert.All(queries, q => Assert.Equal("Sum", q.GetProperty("MetricStat").GetProperty("Stat").GetString()));
    }

    [Fact]
    public async Task Scan_follows_NextToken_pages_and_gets_the_same_answer()
    {
        await using var unpaged = await TestAws.StartAsync(instancesPerRegion: 1100, regions: "eu-west-1");
        var expected = (await CliRunner.RunAsync(TestAws.Args(unpaged, "scan", "--output", "json", "--quiet"))).Stdout;

        await using var paged = await TestAws.StartAsync(instancesPerRegion: 1100, options: new DoubleOptions { MaxDatapointsPerPage = 120 }, regions: "eu-west-1");
        var result = await CliRunner.RunAsync(TestAws.Args(paged, "scan", "--output", "json", "--quiet"));

        var calls = paged.Calls.Of("GetMetricData");
        var firstCalls = calls.Count(c => !c.Json!.Value.TryGetProperty("NextToken", out _));
        var followUps = calls.Count - firstCalls;
        Assert.Equal((int)Math.Ceiling(2.0 * 1100 / 500), firstCalls);
        Assert.True(followUps > 10, $"only {followUps} NextToken pages");
        Assert.Equal(StripWindow(expected), StripWindow(result.Stdout));
    }

    private static string StripWindow(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("regions").GetRawText();
    }
}
