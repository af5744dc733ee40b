using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class DefaultsTests
{
    [Fact]
    public async Task Shows_each_regions_defaults_without_changing_anything()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 3);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "defaults", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(aws.Calls.Modifying);
        Assert.Equal(0, aws.Calls.Count("ModifyInstanceMetadataDefaults"));
        using var json = result.Json();
        Assert.Equal("show", json.RootElement.GetProperty("mode").GetString());
        foreach (var region in json.RootElement.GetProperty("regions").EnumerateArray())
        {
            var sim = aws.Fleet.Region(region.GetProperty("region").GetString()!).Defaults;
            var defaults = region.GetProperty("defaults");
            Assert.Equal(sim.HttpTokens ?? "no-preference", defaults.GetProperty("httpTokens").GetString());
            Assert.Equal(sim.HttpTokensEnforced ?? "no-preference", defaults.GetProperty("httpTokensEnforced").GetString());
            Assert.Equal(sim.ManagedBy, defaults.GetProperty("managedBy").GetString());
        }
    }

    [Fact]
    public async Task Require_without_apply_is_a_DryRun_and_with_apply_sets_HttpTokens_required()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 3);
        var toChange = aws.Fleet.Regions.Values.Where(r => r.Defaults.HttpTokens != "required").Select(r => r.Name).Order().ToList();
        Assert.Equal(2, toChange.Count);

        var dryRun = await CliRunner.RunAsync(TestAws.Args(aws, "defaults", "--require"));

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Empty(aws.Calls.Modifying);
        Assert.Equal(toChange, aws.Calls.Of("ModifyInstanceMetadataDefaults").Select(c => c.Region).Order());
        Assert.All(aws.Calls.Of("ModifyInstanceMetadataDefaults"), c => Assert.Equal(("true", "required", 412), (c.Form["DryRun"], c.Form["HttpTokens"], c.StatusCode)));
        Assert.Contains("would change (dry run allowed)", dryRun.Stdout);
        Assert.Contains("Dry run: nothing changed.", dryRun.Stdout);
        Assert.All(toChange, r => Assert.NotEqual("required", aws.Fleet.Region(r).Defaults.HttpTokens));

        aws.Calls.Clear();
        var applied = await CliRunner.RunAsync(TestAws.Args(aws, "defaults", "--require", "--apply", "--output", "json"));

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(toChange, aws.Calls.Modifying.Select(c => c.Region).Order());
        Assert.All(aws.Fleet.Regions.Values, r => Assert.Equal("required", r.Defaults.HttpTokens));
        using var json = applied.Json();
        Assert.All(json.RootElement.GetProperty("regions").EnumerateArray(), r => Assert.Equal("required", r.GetProperty("defaults").GetProperty("httpTokens").GetString()));
        Assert.Equal(["changed (applied)", "changed (applied)", "unchanged"], json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("change").GetString()).Order());
    }

    [Fact]
    public async Task Defaults_managed_by_a_declarative_policy_are_not_touched_and_exit_2()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 3, regions: "us-east-1");
        aws.Fleet.Region("us-east-1").Defaults.ManagedBy = "declarative-policy";
        aws.Fleet.Region("us-east-1").Defaults.ManagedExceptionMessage = "Set by the organization's IMDS policy";

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "defaults", "--require", "--apply"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: us-east-1: the defaults are managed by a declarative policy (Set by the organization's IMDS policy); change the policy instead.", result.Stderr);
        Assert.Equal(0, aws.Calls.Count("ModifyInstanceMetadataDefaults"));
    }
}
