using System.Net;

namespace ImdsEmulator.Tests;

public sealed class CounterTests
{
    [Fact]
    public async Task Paths_are_counted_without_their_query_and_exactly_under_concurrency()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = Imds.Client(emulator);

        var requests = Enumerable.Range(0, 200).Select(i => Imds.ReadAsync(Imds.GetAsync(http, $"latest/meta-data/instance-id?n={i}")));
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(200, emulator.Counters.ForPath("/latest/meta-data/instance-id"));
        Assert.Equal(200, emulator.Counters.TokenlessAccepted);
    }

    [Fact]
    public async Task The_snapshot_survives_a_json_round_trip_on_one_line()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        using var http = Imds.Client(emulator);
        var token = await Imds.TokenAsync(http);
        await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/ami-id", token));
        await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/ami-id"));
        await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/ami-id", "bogus"));

        var snapshot = emulator.Counters.Snapshot();
        var json = snapshot.ToJson();

        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"tokenlessRejected\":1", json);
        Assert.Equal(snapshot, EmulatorCounterSnapshot.FromJson(json));
        Assert.Equal(new EmulatorCounterSnapshot(1, 0, 0, 1, 1, 1, new Dictionary<string, long>
        {
            ["/latest/api/token"] = 1,
            ["/latest/meta-data/ami-id"] = 3,
        }), snapshot);
    }

    [Fact]
    public void Snapshots_with_different_path_counts_differ()
    {
        var one = new EmulatorCounterSnapshot(0, 0, 0, 0, 0, 0, new Dictionary<string, long> { ["/a"] = 1 });
        var two = new EmulatorCounterSnapshot(0, 0, 0, 0, 0, 0, new Dictionary<string, long> { ["/a"] = 2 });

        Assert.NotEqual(one, two);
    }
}
