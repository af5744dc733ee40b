using System.Diagnostics;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>What one turn of one variant measured, per request.</summary>
internal readonly record struct TurnResult(double WallNanoseconds, double CpuNanoseconds, double Bytes);

internal static class Turn
{
    private static readonly ImdsCallMonitorOptions MonitorOptions = new() { EnvironmentVariables = _ => null };
    private static readonly ImdsCallMonitorOptions CapturingMonitorOptions = new()
    {
        EnvironmentVariables = _ => null,
        CaptureCallersThroughHttpClientEvents = true,
    };

    /// <summary>
    /// Sends <paramref name="settle"/> unmeasured requests and then <paramref name="count"/> measured ones, one after
    /// the other, with the variant's monitor and Activity around them.
    /// </summary>
    /// <remarks>
    /// The first few dozen requests after a subscriber comes or goes, and HttpClient switches between its plain and
    /// instrumented paths, are several microseconds slower each. An application starts the monitor once, so it never
    /// pays that; the unmeasured requests keep the harness's own switching out of the figures.
    /// </remarks>
    public static async Task<TurnResult> RunAsync(Variant variant, Uri uri, int count, int settle = 0)
    {
        using var monitor = variant.Monitor ? ImdsCallMonitor.Start(variant.CaptureCallers ? CapturingMonitorOptions : MonitorOptions) : null;
        using var empty = variant.EmptySubscriber ? EmptySubscriber.Start() : null;
        using var activity = variant.AmbientActivity ? new Activity("incoming").Start() : null;
        for (var i = 0; i < settle; i++)
        {
            await SendAsync(variant.Client, uri);
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessCpuClock.NowMicroseconds();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await SendAsync(variant.Client, uri);
        }

        clock.Stop();
        var cpuUsed = ProcessCpuClock.NowMicroseconds() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new TurnResult(clock.Elapsed.TotalNanoseconds / count, cpuUsed * 1000 / count, (double)allocated / count);
    }

    private static async Task SendAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// Interleaved rounds: every variant takes a turn in each round, and each round starts with a different variant,
    /// so that drift of a shared machine hits all variants alike and none always runs first or last.
    /// </summary>
    public static async Task<Dictionary<string, List<TurnResult>>> InterleaveAsync(Variant[] variants, Uri uri, int warmup, int rounds, int requestsPerTurn, int settle)
    {
        foreach (var variant in variants)
        {
            await RunAsync(variant, uri, warmup);
        }

        var results = variants.ToDictionary(v => v.Name, _ => new List<TurnResult>(rounds));
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                var variant = variants[(round + i) % variants.Length];
                results[variant.Name].Add(await RunAsync(variant, uri, requestsPerTurn, settle));
            }
        }

        return results;
    }
}
