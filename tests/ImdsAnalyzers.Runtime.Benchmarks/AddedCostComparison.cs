namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// The same variants over <see cref="InMemoryConnection"/>: with no network and no server, a request costs about
/// 2 µs of HttpClient's own work, so what a variant adds shows in nanoseconds with little noise. Dividing that by a
/// loopback request's time gives the ratio the loopback comparison measures directly, without its noise.
/// </summary>
internal static class AddedCostComparison
{
    private static readonly Uri Address = new("http://in-memory.test/orders/42?expand=lines");

    public static async Task<List<AddedCostRow>> RunAsync(BenchmarkSettings settings)
    {
        var rows = new List<AddedCostRow>();
        foreach (var (scenario, variants) in Variant.Scenarios(InMemoryConnection.CreateHandler))
        {
            var results = await Turn.InterleaveAsync(variants, Address, settings.InMemoryWarmup, settings.InMemoryRounds, settings.InMemoryRequests, settings.InMemorySettle);
            var baseline = results[variants[0].Name];
            var baselineWall = baseline.Select(r => r.WallNanoseconds).ToArray();
            var baselineBytes = Statistics.Median(baseline.Select(r => r.Bytes).ToArray());
            foreach (var variant in variants)
            {
                var own = results[variant.Name];
                var wall = own.Select(r => r.WallNanoseconds).ToArray();
                var bytes = Statistics.Median(own.Select(r => r.Bytes).ToArray());
                rows.Add(new AddedCostRow(
                    scenario,
                    variant.Name,
                    variant.Counts && !ReferenceEquals(variant, variants[0]),
                    Statistics.Median(wall),
                    Statistics.PairedDifference(wall, baselineWall),
                    bytes,
                    bytes - baselineBytes));
                variant.Client.Dispose();
            }
        }

        return rows;
    }
}
