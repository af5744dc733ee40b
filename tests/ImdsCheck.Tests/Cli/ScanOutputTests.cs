using System.Text.Json;
using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class ScanOutputTests
{
    [Fact]
    public async Task Json_has_the_documented_shape_and_the_counts_and_defaults_of_the_fleet()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 300);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        using var json = result.Json();
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
        foreach (var region in json.RootElement.GetProperty("regions").EnumerateArray())
        {
            var sim = aws.Fleet.Region(region.GetProperty("region").GetString()!);
            var defaults = region.GetProperty("defaults");
            Assert.Equal(sim.Defaults.HttpTokens ?? "no-preference", defaults.GetProperty("httpTokens").GetString());
            Assert.Equal(sim.Defaults.HttpTokensEnforced ?? "no-preference", defaults.GetProperty("httpTokensEnforced").GetString());
            foreach (var instance in region.GetProperty("instances").EnumerateArray())
            {
                var simInstance = sim.Find(instance.GetProperty("instanceId").GetString()!)!;
                Assert.Equal(simInstance.State, instance.GetProperty("state").GetString());
                Assert.Equal(simInstance.HttpTokens, instance.GetProperty("httpTokens").GetString());
                var status = instance.GetProperty("status").GetString();
                var noToken = instance.GetProperty("metadataNoToken");
                var rejected = instance.GetProperty("metadataNoTokenRejected");
                if (status == "in-use")
                {
                    Assert.Equal(FleetExpectations.SumOverDays(simInstance.NoToken, 14), noToken.GetDouble());
                }
                else if (status == "broken")
                {
                    Assert.Equal(FleetExpectations.SumOverDays(simInstance.NoTokenRejected, 14), rejected.GetDouble());
                }
                else if (status == "ready")
                {
                    Assert.Equal(0, noToken.GetDouble());
                    Assert.Equal(0, rejected.GetDouble());
                }

                // Incomplete data is never reported as a zero count.
                if (simInstance.Fault is MetricFault.InternalError or MetricFault.Forbidden)
                {
                    Assert.Equal(JsonValueKind.Null, noToken.ValueKind);
                    Assert.Equal(JsonValueKind.Null, rejected.ValueKind);
                    Assert.False(instance.GetProperty("metricsComplete").GetBoolean());
                }
            }
        }
    }

    [Fact]
    public async Task Longer_window_turns_old_token_less_calls_into_in_use()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 200, regions: "us-east-1");
        var longAgo = aws.Fleet.Region("us-east-1").Instances.Where(i => i.NoToken.Any(p => p.Value == 40)).Select(i => i.InstanceId).ToList();
        Assert.NotEmpty(longAgo);

        var twoWeeks = Statuses(await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet")));
        var month = Statuses(await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet", "--days", "30")));

        Assert.All(longAgo, id => Assert.Equal("ready", twoWeeks[id]));
        Assert.All(longAgo, id => Assert.Equal("in-use", month[id]));
        var period = aws.Calls.Of("GetMetricData").Select(c => c.Json!.Value.GetProperty("MetricDataQueries")[0].GetProperty("MetricStat").GetProperty("Period").GetInt32()).Distinct().Order();
        Assert.Equal([14 * 86400, 30 * 86400], period);
    }

    [Fact]
    public async Task Exit_code_is_0_when_nothing_needs_attention_and_1_for_a_single_broken_instance()
    {
        var now = DateTime.UtcNow;
        var fleet = new SimulatedFleet(now);
        var region = fleet.Region("us-west-2");
        var kinds = new[] { FleetGenerator.Kind.Ready, FleetGenerator.Kind.Enforced, FleetGenerator.Kind.Stopped, FleetGenerator.Kind.PartialData, FleetGenerator.Kind.EndpointDisabled };
        for (var i = 0; i < 50; i++)
        {
            region.Add(FleetGenerator.Create(now, FleetGenerator.InstanceId(9, i), kinds[i % kinds.Length], i));
        }

        region.Sort();
        await using var aws = await AwsDoubleServer.StartAsync(fleet);

        var calm = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--quiet"));
        Assert.True(calm.ExitCode == 0, calm.ToString());
        Assert.Contains("us-west-2: 50 instances: 10 ready, 0 in-use, 0 broken, 20 enforced, 20 unknown", calm.Stdout);

        region.Add(FleetGenerator.Create(now, FleetGenerator.InstanceId(9, 999), FleetGenerator.Kind.Broken, 999));
        region.Sort();
        var broken = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--quiet"));
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("1 broken", broken.Stdout);
    }

    [Fact]
    public async Task Table_lists_urgent_instances_first_with_a_summary_per_region_and_progress_on_stderr()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 100, regions: ["us-east-1", "eu-west-1"]);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        var firstStatusLine = lines.First(l => l.Contains("i-0", StringComparison.Ordinal));
        Assert.Contains("broken", firstStatusLine);
        Assert.Contains("region defaults for new launches: HttpTokens=required, HttpTokensEnforced=disabled", result.Stdout);
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            Assert.Contains(lines, l => l.StartsWith($"{region}: 97 instances:", StringComparison.Ordinal));
            Assert.Contains($"{region}: 100 instances described", result.Stderr);
            Assert.Contains($"{region}: metrics 194/194 queries", result.Stderr);
        }
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_quoted_row_per_instance()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 150, regions: "eu-west-1");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "csv", "--quiet"));

        Assert.Equal(1, result.ExitCode);
        var rows = result.Stdout.TrimEnd('\n').Split('\n').Select(ParseCsvLine).ToList();
        Assert.Equal(["region", "instanceId", "state", "httpTokens", "httpEndpoint", "httpPutResponseHopLimit", "metadataNoToken", "metadataNoTokenRejected", "status", "reason"], rows[0]);
        var live = aws.Fleet.Region("eu-west-1").Instances.Where(i => i.IntendedStatus is not null).ToDictionary(i => i.InstanceId);
        Assert.Equal(live.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), row =>
        {
            Assert.Equal(10, row.Count);
            Assert.Equal(live[row[1]].IntendedStatus, row[8]);
        });
    }

    [Fact]
    public async Task Instance_ids_and_tag_filters_go_to_EC2_and_limit_the_report()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 120, regions: "us-east-1");
        var sim = aws.Fleet.Region("us-east-1");
        var wanted = sim.Instances.Where(i => i.Tags["Env"] == "prod" && i.IntendedStatus is not null).Take(4).Select(i => i.InstanceId).ToList();
        var notProd = sim.Instances.First(i => i.Tags["Env"] == "dev").InstanceId;

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet",
            "--instance-ids", string.Join(',', wanted.Take(2)), "--instance-ids", wanted[2], "--instance-ids", wanted[3] + "," + notProd, "--tag", "Env=prod"));

        using var json = result.Json();
        var reported = json.RootElement.GetProperty("regions")[0].GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()).Order();
        Assert.Equal(wanted.Order(), reported);
        var call = Assert.Single(aws.Calls.Of("DescribeInstances"));
        Assert.Equal("instance-id", call.Form["Filter.1.Name"]);
        Assert.Equal("tag:Env", call.Form["Filter.2.Name"]);
        Assert.Equal("prod", call.Form["Filter.2.Value.1"]);
    }

    private static Dictionary<string, string> Statuses(CliResult result)
    {
        using var json = result.Json();
        return json.RootElement.GetProperty("regions").EnumerateArray().SelectMany(r => r.GetProperty("instances").EnumerateArray())
            .ToDictionary(i => i.GetProperty("instanceId").GetString()!, i => i.GetProperty("status").GetString()!);
    }

    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
