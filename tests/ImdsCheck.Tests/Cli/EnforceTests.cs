using System.Text.Json;
using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class EnforceTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("imds-check-enforce-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Dry_run_proves_permissions_with_DryRun_for_exactly_the_ready_instances_and_changes_nothing()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 1000);
        var before = Snapshot(aws);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "enforce", "--output", "json", "--quiet"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(aws.Calls.Modifying);
        Assert.Equal(before, Snapshot(aws));
        var dryRuns = aws.Calls.Of("ModifyInstanceMetadataOptions");
        Assert.All(dryRuns, c => Assert.True(c.DryRun && c.StatusCode == 412 && c.ErrorCode == "DryRunOperation"));
        Assert.Equal(ReadyIds(aws), dryRuns.Select(c => (c.Region, c.Form["InstanceId"])).Order());
        using var json = result.Json();
        Assert.Equal("dry-run", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rollbackFile").ValueKind);
        Assert.All(json.RootElement.GetProperty("changes").EnumerateArray(), c => Assert.Equal("would change (dry run allowed)", c.GetProperty("result").GetString()));
        Assert.Empty(_work.GetFiles());
    }

    [Fact]
    public async Task Apply_changes_only_ready_instances_and_writes_a_rollback_file_that_restores_them()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 1000);
        var ready = ReadyIds(aws);
        var untouchable = aws.Fleet.Regions.Values.SelectMany(r => r.Instances.Where(i => i.IntendedStatus is "in-use" or "broken" or "unknown").Select(i => (r.Name, i.InstanceId))).ToHashSet();
        var rollbackPath = Path.Combine(_work.FullName, "rollback.json");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "enforce", "--apply", "--save-rollback", rollbackPath, "--quiet"));

        Assert.True(result.ExitCode == 1, result.ToString());
        var modified = aws.Calls.Modifying;
        Assert.All(modified, c => Assert.Equal("ModifyInstanceMetadataOptions", c.Action));
        Assert.All(modified, c => Assert.Equal("required", c.Form["HttpTokens"]));
        Assert.Equal(ready, modified.Select(c => (c.Region, c.Form["InstanceId"])).Order());
        Assert.DoesNotContain(modified, c => untouchable.Contains((c.Region, c.Form["InstanceId"])));
        Assert.All(ready, r => Assert.Equal("required", aws.Fleet.Region(r.Region).Find(r.InstanceId)!.HttpTokens));
        Assert.Contains($"{ready.Count} instances now require tokens; 0 failed;", result.Stdout);
        Assert.Contains($"rollback file: {rollbackPath}", result.Stdout);

        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(rollbackPath));
        Assert.Equal("imds-check-rollback", file.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, file.RootElement.GetProperty("version").GetInt32());
        var entries = file.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(ready, entries.Select(e => (e.GetProperty("region").GetString()!, e.GetProperty("instanceId").GetString()!)).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal("optional", e.GetProperty("previous").GetProperty("httpTokens").GetString());
            Assert.Equal("applied", e.GetProperty("result").GetString());
        });

        // A fresh scan now calls them enforced; a rollback dry run changes nothing; the rollback restores them.
        var rescan = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json", "--quiet"));
        using (var json = rescan.Json())
        {
            var statuses = json.RootElement.GetProperty("regions").EnumerateArray()
                .SelectMany(r => r.GetProperty("instances").EnumerateArray().Select(i => (r.GetProperty("region").GetString()!, i.GetProperty("instanceId").GetString()!, i.GetProperty("status").GetString())))
                .ToDictionary(x => (x.Item1, x.Item2), x => x.Item3);
            Assert.All(ready, r => Assert.Equal("enforced", statuses[r]));
        }

        aws.Calls.Clear();
        var dryRollback = await CliRunner.RunAsync(["enforce", "--rollback", rollbackPath, "--endpoint-url", aws.Url.ToString()]);
        Assert.True(dryRollback.ExitCode == 0, dryRollback.ToString());
        Assert.Empty(aws.Calls.Modifying);
        Assert.Equal(ready.Count, aws.Calls.Count("ModifyInstanceMetadataOptions"));
        Assert.All(ready, r => Assert.Equal("required", aws.Fleet.Region(r.Region).Find(r.InstanceId)!.HttpTokens));

        var rollback = await CliRunner.RunAsync(["enforce", "--rollback", rollbackPath, "--apply", "--endpoint-url", aws.Url.ToString()]);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains($"{ready.Count} instances restored, 0 failed", rollback.Stdout);
        Assert.All(ready, r => Assert.Equal("optional", aws.Fleet.Region(r.Region).Find(r.InstanceId)!.HttpTokens));
        Assert.All(aws.Calls.Modifying, c => Assert.Equal("optional", c.Form["HttpTokens"]));
    }

    [Fact]
    public async Task Filters_never_let_enforce_touch_in_use_broken_or_unknown_instances()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 300, regions: "us-east-1");
        var sim = aws.Fleet.Region("us-east-1");
        var prod = sim.Instances.Where(i => i.Tags["Env"] == "prod").ToList();
        var selected = new[] { "ready", "in-use", "broken", "unknown", "enforced" }
            .SelectMany(status => prod.Where(i => i.IntendedStatus == status).Take(3)).ToList();
        var readySelected = selected.Where(i => i.IntendedStatus == "ready").Select(i => i.InstanceId).Order().ToList();
        var devReady = sim.Instances.First(i => i.Tags["Env"] == "dev" && i.IntendedStatus == "ready").InstanceId;

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "enforce", "--apply", "--quiet", "--output", "json",
            "--save-rollback", Path.Combine(_work.FullName, "r.json"),
            "--instance-ids", string.Join(',', selected.Select(i => i.InstanceId).Append(devReady)), "--tag", "Env=prod"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(readySelected, aws.Calls.Modifying.Select(c => c.Form["InstanceId"]).Order());
        Assert.All(selected.Where(i => i.IntendedStatus is "in-use" or "unknown"), i => Assert.Equal("optional", i.HttpTokens));
        Assert.Equal("optional", sim.Find(devReady)!.HttpTokens);
        using var json = result.Json();
        var skipped = json.RootElement.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("status").GetString()).Distinct().Order();
        Assert.Equal(["broken", "in-use", "unknown"], skipped);
    }

    [Fact]
    public async Task Missing_modify_permission_fails_the_dry_run_with_exit_2_naming_the_action()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 60, regions: "eu-west-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Protocol = "ec2", Action = "ModifyInstanceMetadataOptions" });

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "enforce", "--quiet"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: eu-west-1: access denied for ec2:ModifyInstanceMetadataOptions (UnauthorizedOperation). Allow ec2:ModifyInstanceMetadataOptions for this caller.",
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(aws.Calls.Modifying);
    }

    [Fact]
    public async Task A_failed_change_is_recorded_as_failed_in_the_rollback_file_and_exits_2()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 100, regions: "us-east-1");
        aws.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Protocol = "ec2", Action = "ModifyInstanceMetadataOptions", Times = 1 });
        var path = Path.Combine(_work.FullName, "partial.json");

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "enforce", "--apply", "--quiet", "--save-rollback", path));

        Assert.Equal(2, result.ExitCode);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var results = file.RootElement.GetProperty("changes").EnumerateArray().Select(e => e.GetProperty("result").GetString()).ToList();
        Assert.Equal(1, results.Count(r => r == "failed"));
        Assert.Equal(ReadyIds(aws).Count - 1, results.Count(r => r == "applied"));
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("""{"format":"something-else","version":1,"changes":[{"region":"us-east-1","instanceId":"i-0123456789abcdef0","previous":{"httpTokens":"optional"},"result":"applied"}]}""", "format is 'something-else'")]
    [InlineData("""{"format":"imds-check-rollback","version":7,"changes":[]}""", "version 7 is not supported")]
    [InlineData("""{"format":"imds-check-rollback","version":1,"changes":[{"region":"us-east-1","instanceId":"vol-123","previous":{"httpTokens":"optional"},"result":"applied"}]}""", "changes[0].instanceId 'vol-123' is not an instance ID")]
    [InlineData("""{"format":"imds-check-rollback","version":1,"changes":[{"region":"us-east-1","instanceId":"i-0123456789abcdef0","previous":{"httpTokens":"maybe"},"result":"applied"}]}""", "changes[0].previous.httpTokens must be 'optional' or 'required'")]
    public async Task Invalid_rollback_files_are_rejected_before_any_call(string content, string expected)
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 5, regions: "us-east-1");
        var path = Path.Combine(_work.FullName, "bad.json");
        await File.WriteAllTextAsync(path, content);

        var result = await CliRunner.RunAsync(["enforce", "--rollback", path, "--apply", "--endpoint-url", aws.Url.ToString()]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Empty(aws.Calls.All);
        Assert.Equal(content, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Missing_rollback_file_is_a_clear_error()
    {
        var result = await CliRunner.RunAsync(["enforce", "--rollback", Path.Combine(_work.FullName, "nope.json")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: cannot read the rollback file", result.Stderr);
    }

    private static List<(string Region, string InstanceId)> ReadyIds(AwsDoubleServer aws) =>
        aws.Fleet.Regions.Values.SelectMany(r => r.WithIntendedStatus("ready").Select(i => (r.Name, i.InstanceId))).Order().ToList();

    private static string Snapshot(AwsDoubleServer aws) =>
        string.Join('\n', aws.Fleet.AllInstances.Select(i => $"{i.InstanceId}:{i.HttpTokens}:{i.HttpEndpoint}:{i.HopLimit}"));
}
