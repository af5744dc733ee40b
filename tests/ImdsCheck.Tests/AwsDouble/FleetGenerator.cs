namespace ImdsCheck.Tests.AwsDouble;

/// <summary>
/// Builds fleets in which every status occurs, each instance built to match one row of the status
/// table (its <see cref="SimInstance.IntendedStatus"/>), spread over the fleet in a fixed order.
/// </summary>
public static class FleetGenerator
{
    public enum Kind
    {
        Ready,
        InUse,
        InUseLongAgo,
        Broken,
        Enforced,
        EndpointDisabled,
        Stopped,
        LaunchedInWindow,
        PartialData,
        InternalError,
        Forbidden,
        ResultMessage,
        RequiredPartialData,
        Terminated,
    }

    /// <summary>Share of each kind per 100 instances.</summary>
    private static readonly (Kind Kind, int Weight)[] Mix =
    [
        (Kind.Ready, 30), (Kind.InUse, 14), (Kind.InUseLongAgo, 3), (Kind.Broken, 6), (Kind.Enforced, 24),
        (Kind.EndpointDisabled, 3), (Kind.Stopped, 5), (Kind.LaunchedInWindow, 4), (Kind.PartialData, 2),
        (Kind.InternalError, 2), (Kind.Forbidden, 1), (Kind.ResultMessage, 2), (Kind.RequiredPartialData, 1), (Kind.Terminated, 3),
    ];

    private static readonly Kind[] Slots = Mix.SelectMany(m => Enumerable.Repeat(m.Kind, m.Weight)).ToArray();

    public static SimulatedFleet Generate(DateTime now, params (string Region, int Instances)[] regions)
    {
        var fleet = new SimulatedFleet(now);
        for (var r = 0; r < regions.Length; r++)
        {
            var region = fleet.Region(regions[r].Region);
            for (var i = 0; i < regions[r].Instances; i++)
            {
                // 37 is coprime with 100, so consecutive instances cycle through all slots.
                var kind = Slots[(i * 37) % Slots.Length];
                region.Add(Create(now, InstanceId(r, i), kind, i));
            }

            region.Sort();
            ConfigureDefaults(region.Defaults, r);
        }

        return fleet;
    }

    public static string InstanceId(int region, int index) => $"i-{region:x2}{index:x15}";

    public static SimInstance Create(DateTime now, string instanceId, Kind kind, int index = 0)
    {
        var instance = new SimInstance
        {
            InstanceId = instanceId,
            LaunchTime = now.AddDays(-200).AddMinutes(index % 1440),
            HopLimit = index % 4 == 0 ? 2 : 1,
        };
        instance.Tags["Name"] = $"node-{index}";
        instance.Tags["Env"] = (index % 3) switch { 0 => "prod", 1 => "staging", _ => "dev" };

        switch (kind)
        {
            case Kind.Ready:
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.IntendedStatus = "ready";
                break;
            case Kind.InUse:
                Daily(instance.NoToken, now, 30, day => day < 5 ? 3 + (index % 7) : 0);
                instance.IntendedStatus = "in-use";
                break;
            case Kind.InUseLongAgo:
                // Token-less calls only 20 days ago: ready over 14 days, in-use over 30.
                Daily(instance.NoToken, now, 30, day => day == 20 ? 40 : 0);
                instance.IntendedStatus = "ready";
                break;
            case Kind.Broken:
                instance.HttpTokens = "required";
                Daily(instance.NoToken, now, 30, _ => 0);
                Daily(instance.NoTokenRejected, now, 3, _ => 2);
                instance.IntendedStatus = "broken";
                break;
            case Kind.Enforced:
                instance.HttpTokens = "required";
                instance.HopLimit = 2;
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.IntendedStatus = "enforced";
                break;
            case Kind.EndpointDisabled:
                instance.HttpEndpoint = "disabled";
                instance.IntendedStatus = "enforced";
                break;
            case Kind.Stopped:
                instance.State = "stopped";
                instance.IntendedStatus = "unknown";
                break;
            case Kind.LaunchedInWindow:
                instance.LaunchTime = now.AddDays(-3);
                Daily(instance.NoToken, now, 3, _ => 0);
                instance.IntendedStatus = "unknown";
                break;
            case Kind.PartialData:
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.Fault = MetricFault.PartialData;
                instance.IntendedStatus = "unknown";
                break;
            case Kind.InternalError:
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.Fault = MetricFault.InternalError;
                instance.IntendedStatus = "unknown";
                break;
            case Kind.Forbidden:
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.Fault = MetricFault.Forbidden;
                instance.IntendedStatus = "unknown";
                break;
            case Kind.ResultMessage:
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.Fault = MetricFault.Message;
                instance.IntendedStatus = "unknown";
                break;
            case Kind.RequiredPartialData:
                instance.HttpTokens = "required";
                Daily(instance.NoToken, now, 30, _ => 0);
                instance.Fault = MetricFault.PartialData;
                instance.IntendedStatus = "unknown";
                break;
            case Kind.Terminated:
                instance.State = "terminated";
                instance.IntendedStatus = null;
                break;
        }

        return instance;
    }

    private static void ConfigureDefaults(SimDefaults defaults, int regionIndex)
    {
        switch (regionIndex % 3)
        {
            case 0:
                defaults.HttpTokens = "optional";
                break;
            case 1:
                defaults.HttpTokens = "required";
                defaults.HttpTokensEnforced = "disabled";
                defaults.HopLimit = 2;
                break;
        }
    }

    /// <summary>One datapoint a day for the last <paramref name="days"/> days; day 0 is the most recent.</summary>
    private static void Daily(List<(DateTime, double)> series, DateTime now, int days, Func<int, double> value)
    {
        for (var day = 0; day < days; day++)
        {
            series.Add((now.AddDays(-day).AddHours(-1), value(day)));
        }
    }
}
