using System.Text.Json;
using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class AlarmTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:imds-alerts";

    [Fact]
    public async Task Dry_run_lists_one_alarm_per_instance_requiring_tokens_and_writes_nothing()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 400, regions: "us-east-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--output", "json", "--quiet"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(aws.Calls.Modifying);
        Assert.Empty(aws.Fleet.Region("us-east-1").Alarms);
        using var json = result.Json();
        var names = json.RootElement.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("alarmName").GetString()).Order();
        Assert.Equal(RequiringTokens(aws, "us-east-1").Select(id => "imds-check/MetadataNoTokenRejected/" + id), names);
        Assert.All(json.RootElement.GetProperty("alarms").EnumerateArray(), a => Assert.Equal("would create", a.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Apply_creates_the_alarms_and_a_second_run_changes_nothing()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 500, regions: "us-east-1");
        var targets = RequiringTokens(aws, "us-east-1");
        Assert.True(targets.Count > 100, "enough alarms to need several DescribeAlarms pages");

        var first = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--sns-topic-arn", Topic, "--quiet"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"{targets.Count} created, 0 updated, 0 unchanged, 0 failed.", first.Stdout);
        var puts = aws.Calls.Of("PutMetricAlarm");
        Assert.Equal(targets.Count, puts.Count);
        var alarms = aws.Fleet.Region("us-east-1").Alarms;
        Assert.Equal(targets.Select(id => "imds-check/MetadataNoTokenRejected/" + id), alarms.Keys.Order());
        foreach (var put in puts)
        {
            var body = put.Json!.Value;
            var instanceId = body.GetProperty("Dimensions")[0].GetProperty("Value").GetString();
            Assert.Equal("imds-check/MetadataNoTokenRejected/" + instanceId, body.GetProperty("AlarmName").GetString());
            Assert.Equal("AWS/EC2", body.GetProperty("Namespace").GetString());
            Assert.Equal("MetadataNoTokenRejected", body.GetProperty("MetricName").GetString());
            Assert.Equal("InstanceId", body.GetProperty("Dimensions")[0].GetProperty("Name").GetString());
            Assert.Equal("notBreaching", body.GetProperty("TreatMissingData").GetString());
            Assert.Equal("GreaterThanThreshold", body.GetProperty("ComparisonOperator").GetString());
            Assert.Equal(0, body.GetProperty("Threshold").GetDouble());
            Assert.Equal([Topic], body.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()));
        }

        aws.Calls.Clear();
        var second = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--sns-topic-arn", Topic, "--quiet"));
        var third = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--quiet"));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"0 created, 0 updated, {targets.Count} unchanged, 0 failed.", second.Stdout);
        Assert.Contains($"0 created, 0 updated, {targets.Count} unchanged, 0 failed.", third.Stdout);
        Assert.Empty(aws.Calls.Modifying);
        Assert.True(aws.Calls.Count("DescribeAlarms") >= 2 * (int)Math.Ceiling(targets.Count / 100.0));
    }

    [Fact]
    public async Task An_alarm_that_was_changed_by_hand_is_updated_and_only_that_one()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 100, regions: "us-east-1");
        await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--quiet"));
        var alarms = aws.Fleet.Region("us-east-1").Alarms;
        var tampered = alarms.Keys.Order().First();
        alarms[tampered]["TreatMissingData"] = "breaching";
        aws.Calls.Clear();

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--output", "json", "--quiet"));

        var put = Assert.Single(aws.Calls.Of("PutMetricAlarm"));
        Assert.Equal(tampered, put.Json!.Value.GetProperty("AlarmName").GetString());
        Assert.Equal("notBreaching", alarms[tampered]["TreatMissingData"]!.GetValue<string>());
        using var json = result.Json();
        var updated = Assert.Single(json.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("result").GetString() == "updated");
        Assert.Equal("TreatMissingData", updated.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Selected_instances_get_alarms_whatever_their_token_setting()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 100, regions: "us-east-1");
        var optional = aws.Fleet.Region("us-east-1").Instances.Where(i => i.HttpTokens == "optional" && i.State == "running").Take(2).Select(i => i.InstanceId).ToList();

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--quiet", "--instance-ids", string.Join(',', optional)));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(optional.Select(id => "imds-check/MetadataNoTokenRejected/" + id).Order(), aws.Fleet.Region("us-east-1").Alarms.Keys.Order());
    }

    [Fact]
    public async Task A_topic_in_another_region_is_refused_before_any_change()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 20, regions: "eu-west-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--sns-topic-arn", Topic));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --sns-topic-arn is in us-east-1, but alarms would be created in eu-west-1", result.Stderr);
        Assert.Empty(aws.Calls.Modifying);
    }

    [Fact]
    public async Task Missing_PutMetricAlarm_permission_names_the_action_and_exits_2()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 30, regions: "us-east-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Protocol = "cloudwatch", Action = "PutMetricAlarm" });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "alarm", "--apply", "--quiet"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: us-east-1: access denied for cloudwatch:PutMetricAlarm (AccessDenied). Allow cloudwatch:PutMetricAlarm for this caller.",
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static List<string> RequiringTokens(AwsDoubleServer aws, string region) =>
        aws.Fleet.Region(region).Instances.Where(i => i.HttpTokens == "required" && i.HttpEndpoint == "enabled" && i.State != "terminated")
            .Select(i => i.InstanceId).Order().ToList();
}
