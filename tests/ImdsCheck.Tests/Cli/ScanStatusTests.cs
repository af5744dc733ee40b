using System.Text.Json;
using ImdsCheck.Tests.AwsDouble;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Cli;

public sealed class ScanStatusTests
{
    [Fact]
    public async Task Json_scan_of_thousands_of_instances_gives_every_instance_its_intended_status()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 1200);

        var result = await CliRunner.RunAsync(TestAws.Args(aws, "scan", "--output", "json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = result.Json();
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(TestAws.Regions.Order(), regions.Select(r => r.GetProperty("region").GetString()).Order());
        var statuses = new HashSet<string>();
        foreach (var region in regions)
        {
            var sim = aws.Fleet.Region(region.GetProperty("region").GetString()!);
            var instances = region.GetProperty("instances").EnumerateArray().ToDictionary(i => i.GetProperty("instanceId").GetString()!);
            var live = sim.Instances.Where(i => i.IntendedStatus is not null).ToList();
            Assert.Equal(live.Count, instances.Count);
            foreach (var instance in live)
            {
                var reported = instances[instance.InstanceId];
                var status = reported.GetProperty("status").GetString()!;
                Assert.True(instance.IntendedStatus == status, $"{instance.InstanceId}: expected {instance.IntendedStatus}, got {status}: {reported}");
                Assert.False(string.IsNullOrWhiteSpace(reported.GetProperty("reason").GetString()));
                statuses.Add(status);
            }
        }

        Assert.Equal(["broken", "enforced", "in-use", "ready", "unknown"], statuses.Order());
    }
}
