namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// The target's own measure: loopback GETs to a Kestrel server in this process, each variant against plain HttpClient
/// in interleaved rounds. CPU time covers client and server; wall time is the request's latency.
/// </summary>
internal static class LoopbackComparison
{
    public static async Task<List<LoopbackRow>> RunAsync(BenchmarkSettings settings)
    {
        await using var server = await LoopbackServer.StartAsync();
        var rows = new List<LoopbackRow>();
        foreach (var (scenario, variants) in Variant.Scenarios(static () => new SocketsHttpHandler()))
        {
            var results = await Turn.InterleaveAsync(variants, server.Address, settings.Warmup, settings.Rounds, settings.Requests, settings.Settle);
            var baseline = results[variants[0].Name];
            var baselineCpu = baseline.Select(r => r.CpuNanoseconds).ToArray();
            var baselineWall = baseline.Select(r => r.WallNanoseconds).ToArray();
            foreach (var variant in variants)
            {
                var own = results[variant.Name];
                var cpu = own.Select(r => r.CpuNanoseconds).ToArray();
                var wall = own.Select(r => r.WallNanoseconds).ToArray();
                rows.Add(new LoopbackRow(
                    scenario,
                    variant.Name,
                    variant.Counts && !ReferenceEquals(variant, variants[0]),
                    Statistics.PairedRatio(cpu, baselineCpu),
                    Statistics.Quantile(cpu, 0.1) / Statistics.Quantile(baselineCpu, 0.1),
                    Statistics.PairedRatio(wall, baselineWall),
                    Statistics.Median(cpu) / 1000,
                    Statistics.Median(wall) / 1000,
                    Statistics.Median(own.Select(r => r.Bytes).ToArray())));
                variant.Client.Dispose();
            }
        }

        return rows;
    }
}
