using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class RetryTests
{
    [Fact]
    public async Task Throttling_and_server_errors_are_retried_and_the_scan_still_completes()
    {
        await using var clean = await TestAws.StartAsync(instancesPerRegion: 1500);
        var expected = await CliRunner.RunAsync(TestAws.Args(clean, "scan", "--output", "json", "--quiet"));

        await using var aws = await TestAws.StartAsync(instancesPerRegion: 1500);
        var cwThrottle = aws.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "cloudwatch", Action = "GetMetricData", EveryNth = 3, Times = 4 });
        var cwError = aws.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Protocol = "cloudwatch", Action = "GetMetricData", Skip = 1, Times = 2 });
        var ec2Throttle = aws.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "ec2", Action = "DescribeInstances", Times = 2 });
        var ec2Error = aws.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Protocol = "ec2", Action = "GetInstanceMetadataDefaults", Times = 1 });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal((4, 2, 2, 1), (aws.Faults.Fired(cwThrottle), aws.Faults.Fired(cwError), aws.Faults.Fired(ec2Throttle), aws.Faults.Fired(ec2Error)));
        Assert.Contains(aws.Calls.All, c => c is { StatusCode: 400, ErrorCode: "Throttling" });
        Assert.Contains(aws.Calls.All, c => c is { StatusCode: 503, ErrorCode: "RequestLimitExceeded" });
        using var expectedJson = expected.Json();
        using var actualJson = result.Json();
        Assert.Equal(expectedJson.RootElement.GetProperty("regions").GetRawText(), actualJson.RootElement.GetProperty("regions").GetRawText());
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_fails_that_region_with_exit_2_and_reports_the_others()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 200);
        aws.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Protocol = "cloudwatch", Action = "GetMetricData", Region = "eu-west-1" });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet"));

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: eu-west-1: cloudwatch:GetMetricData was still throttled (Throttling) after 6 attempts", error);
        using var json = result.Json();
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!);
        Assert.Equal(error["error: ".Length..], regions["eu-west-1"].GetProperty("error").GetString());
        Assert.Equal(194, regions["us-east-1"].GetProperty("instances").GetArrayLength());
        Assert.Equal(6, aws.Calls.Of("GetMetricData", "eu-west-1").Count);
    }

    [Fact]
    public async Task Persistent_EC2_server_errors_end_with_exit_2_naming_the_action_and_region()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 20, regions: "ap-southeast-2");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Protocol = "ec2", Action = "DescribeInstances" });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--quiet"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: ap-southeast-2: ec2:DescribeInstances failed: InternalError", result.Stderr);
        Assert.True(aws.Calls.Count("DescribeInstances") > 1, "the SDK should have retried");
        Assert.Equal(0, aws.Calls.Count("GetMetricData"));
    }
}
