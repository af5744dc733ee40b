using ImdsCheck.Tests.AwsDouble;

namespace ImdsCheck.Tests.Infrastructure;

/// <summary>Starts the AWS double with a generated fleet and builds command lines pointed at it.</summary>
public static class TestAws
{
    public static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    /// <summary>One "now" for every fleet of the run, so fleets built by different tests are identical.</summary>
    public static readonly DateTime Now = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    public static Task<AwsDoubleServer> StartAsync(int instancesPerRegion = 1200, DoubleOptions? options = null, params string[] regions)
    {
        var names = regions.Length > 0 ? regions : Regions;
        var fleet = FleetGenerator.Generate(Now, names.Select(r => (r, instancesPerRegion)).ToArray());
        return AwsDoubleServer.StartAsync(fleet, options);
    }

    /// <summary>The command, its arguments, then --endpoint-url and a --region per region.</summary>
    public static string[] Args(AwsDoubleServer server, IEnumerable<string> regions, params string[] command) =>
        [.. command, "--endpoint-url", server.Url.ToString(), .. regions.SelectMany(r => new[] { "--region", r })];

    public static string[] Args(AwsDoubleServer server, params string[] command) => Args(server, server.Fleet.Regions.Keys, command);
}
