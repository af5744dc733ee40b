using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class CredentialAndErrorTests
{
    [Fact]
    public async Task Missing_credentials_give_one_line_and_exit_2_without_any_call()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 10, regions: "us-east-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan"), new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no AWS credentials found", line);
        Assert.Contains("ec2:DescribeInstances", line);
        Assert.Empty(aws.Calls.All);
    }

    [Theory]
    [InlineData("cloudwatch", "GetMetricData", "error: us-east-1: access denied for cloudwatch:GetMetricData (AccessDenied). Allow cloudwatch:GetMetricData for this caller.")]
    [InlineData("ec2", "DescribeInstances", "error: us-east-1: access denied for ec2:DescribeInstances (UnauthorizedOperation). Allow ec2:DescribeInstances for this caller.")]
    [InlineData("ec2", "GetInstanceMetadataDefaults", "error: us-east-1: access denied for ec2:GetInstanceMetadataDefaults (UnauthorizedOperation). Allow ec2:GetInstanceMetadataDefaults for this caller.")]
    public async Task Access_denied_names_the_IAM_action_in_one_line_and_exits_2(string protocol, string action, string expected)
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 30, regions: "us-east-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Protocol = protocol, Action = action });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--quiet"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(1, aws.Calls.Count(action));
    }

    [Fact]
    public async Task Rejected_credentials_are_reported_as_such()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 5, options: new DoubleOptions { AcceptedAccessKeyIds = ["AKIASOMEONEELSE00001"] }, regions: "eu-west-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "defaults"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: eu-west-1: the AWS credentials were rejected when calling ec2:GetInstanceMetadataDefaults (AuthFailure", result.Stderr);
    }

    [Fact]
    public async Task Both_services_are_signed_with_the_session_credentials_for_the_right_service_and_region()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 20, regions: ["us-east-1", "ap-southeast-2"]);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--quiet"));

        Assert.Equal(1, result.ExitCode);
        Assert.All(aws.Calls.All, call =>
        {
            Assert.Equal(FakeCredentials.AccessKeyId, call.AccessKeyId);
            Assert.True(call.HasSessionToken);
            Assert.Equal(call.IsCloudWatch ? "monitoring" : "ec2", call.SigningService);
        });
        Assert.Equal(["ap-southeast-2", "us-east-1"], aws.Calls.Of("GetMetricData").Select(c => c.Region).Distinct().Order());
    }

    [Fact]
    public async Task Region_and_endpoints_come_from_the_environment_per_service()
    {
        await using var ec2 = await TestAws.StartAsync(instancesPerRegion: 40, regions: "ap-southeast-2");
        await using var cloudWatch = await TestAws.StartAsync(instancesPerRegion: 40, regions: "ap-southeast-2");

        var result = await CliRunner.RunAsync(["scan", "--quiet", "--output", "json"], new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "ap-southeast-2",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/unused",
            ["AWS_ENDPOINT_URL_EC2"] = ec2.Url.ToString(),
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = cloudWatch.Url.ToString(),
        });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.All(ec2.Calls.All, c => Assert.True(c.IsEc2));
        Assert.All(cloudWatch.Calls.All, c => Assert.True(c.IsCloudWatch));
        Assert.NotEmpty(ec2.Calls.All);
        Assert.NotEmpty(cloudWatch.Calls.All);
    }

    [Theory]
    [InlineData("   ", "localhost:4566", "error: AWS_ENDPOINT_URL 'localhost:4566' is not an absolute http:// or https:// URL.")]
    [InlineData("localhost:4566", "http://127.0.0.1:9/", "error: AWS_ENDPOINT_URL_EC2 'localhost:4566' is not an absolute http:// or https:// URL.")]
    public async Task A_bad_endpoint_variable_is_named_in_the_error(string ec2Variable, string sharedVariable, string expected)
    {
        var result = await CliRunner.RunAsync(["scan", "--region", "us-east-1", "--quiet"], new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_EC2"] = ec2Variable,
            ["AWS_ENDPOINT_URL"] = sharedVariable,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public async Task Shared_endpoint_variable_and_all_regions_reach_every_region()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 15);

        var result = await CliRunner.RunAsync(["scan", "--all-regions", "--quiet", "--output", "json"], new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = aws.Url.ToString() });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(1, aws.Calls.Count("DescribeRegions"));
        Assert.Equal("us-east-1", aws.Calls.Of("DescribeRegions")[0].Region);
        using var json = result.Json();
        Assert.Equal(TestAws.Regions.Order(), json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()).Order());
    }

    [Theory]
    [InlineData("error: --days must be between 1 and 455", "scan", "--region", "us-east-1", "--days", "0")]
    [InlineData("error: --tag: 'Env' is not of the form key=value.", "scan", "--region", "us-east-1", "--tag", "Env")]
    [InlineData("error: --instance-ids: 'i-xyz' is not an EC2 instance ID", "enforce", "--region", "us-east-1", "--instance-ids", "i-xyz")]
    [InlineData("error: --region: 'Virginia' is not an AWS region name", "scan", "--region", "Virginia")]
    [InlineData("error: use either --region or --all-regions, not both.", "scan", "--region", "us-east-1", "--all-regions")]
    [InlineData("error: no region: pass --region REGION", "scan")]
    [InlineData("error: --endpoint-url 'localhost:4566' is not an absolute http:// or https:// URL.", "scan", "--region", "us-east-1", "--endpoint-url", "localhost:4566")]
    [InlineData("error: --apply needs --require", "defaults", "--region", "us-east-1", "--apply")]
    [InlineData("error: --sns-topic-arn 'topic' is not an SNS topic ARN", "alarm", "--region", "us-east-1", "--sns-topic-arn", "topic")]
    [InlineData("error: Argument 'xml' not recognized. Must be one of:", "scan", "--output", "xml")]
    [InlineData("error: Unrecognized command or argument '--bogus'.", "scan", "--bogus")]
    [InlineData("error: Required command was not provided.")]
    public async Task Bad_arguments_exit_2_with_a_clear_error_and_no_call(string expected, params string[] args)
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 5, regions: "us-east-1");

        var result = await CliRunner.RunAsync(args, new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = aws.Url.ToString() });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Empty(aws.Calls.Modifying);
        Assert.Equal(0, aws.Calls.Count("DescribeInstances"));
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exit_codes_and_exits_0()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var text in new[] { "scan", "enforce", "alarm", "defaults", "Exit codes: 0 nothing needs attention; 1 some instance is in-use or broken; 2 the check could not complete." })
        {
            Assert.Contains(text, result.Stdout);
        }
    }
}
