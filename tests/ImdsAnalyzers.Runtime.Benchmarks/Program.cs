using System.Diagnostics;
using System.Globalization;
using ImdsAnalyzers.Runtime;
using ImdsAnalyzers.Runtime.Benchmarks;

// Interleaved rounds rather than one long run per variant: on shared cores the machine's speed drifts, and
// comparing each variant with plain HttpClient within the same round cancels most of that drift.
var rounds = Argument(args, "--rounds", 200);
var requestsPerTurn = Argument(args, "--requests", 60);
var warmup = Argument(args, "--warmup", 3000);
const double Target = 1.02;

await using var server = await LoopbackServer.StartAsync();
var uri = server.Address;
var handlerOptions = new ImdsTokenHandlerOptions { EnvironmentVariables = _ => null };
var monitorOptions = new ImdsCallMonitorOptions { EnvironmentVariables = _ => null };

Console.WriteLine($"Loopback GET {uri} ({rounds} rounds x {requestsPerTurn} requests per variant, {warmup} warm-up requests each)");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
Console.WriteLine($"Verdict on CPU time per request (client and server in this process); target ratio <= {Target:0.00}.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ImdsTokenHandler's check of a request that is not for the metadata service allocates {EndpointCheckBytes(uri, handlerOptions):0.##} bytes."));
Console.WriteLine();

var failed = false;
failed |= await RunScenarioAsync("no ambient Activity (console app, worker)", ambient: false,
[
    new Variant("HttpClient", new HttpClient(new SocketsHttpHandler()), Monitor: false, AmbientActivity: false),
    new Variant("(HttpClient again: the measurement's own spread)", new HttpClient(new SocketsHttpHandler()), Monitor: false, AmbientActivity: false) { Counts = false },
    new Variant("+ ImdsTokenHandler", new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), handlerOptions)), Monitor: false, AmbientActivity: false),
    new Variant("+ ImdsCallMonitor", new HttpClient(new SocketsHttpHandler()), Monitor: true, AmbientActivity: false),
    new Variant("(any listener subscriber, for reference)", new HttpClient(new SocketsHttpHandler()), Monitor: false, AmbientActivity: false, EmptySubscriber: true) { Counts = false },
    new Variant("+ both", new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), handlerOptions)), Monitor: true, AmbientActivity: false),
]);
failed |= await RunScenarioAsync("inside an Activity (as in an ASP.NET Core request)", ambient: true,
[
    new Variant("HttpClient", new HttpClient(new SocketsHttpHandler()), Monitor: false, AmbientActivity: true),
    new Variant("+ ImdsCallMonitor", new HttpClient(new SocketsHttpHandler()), Monitor: true, AmbientActivity: true),
    new Variant("+ both", new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), handlerOptions)), Monitor: true, AmbientActivity: true),
]);

Console.WriteLine(failed ? $"RESULT: at least one ratio is above {Target:0.00}" : $"RESULT: every ratio is at most {Target:0.00}");
return failed && args.Contains("--assert") ? 1 : 0;

async Task<bool> RunScenarioAsync(string title, bool ambient, Variant[] variants)
{
    foreach (var variant in variants)
    {
        await TurnAsync(variant, warmup);
    }

    var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
    var bytes = variants.ToDictionary(v => v.Name, _ => new List<double>());
    for (var round = 0; round < rounds; round++)
    {
        // Each round starts with a different variant, so that none always runs first or last.
        for (var i = 0; i < variants.Length; i++)
        {
            var variant = variants[(round + i) % variants.Length];
            var (microseconds, cpuMicroseconds, allocated) = await TurnAsync(variant, requestsPerTurn);
            times[variant.Name].Add(microseconds);
            cpu[variant.Name].Add(cpuMicroseconds);
            bytes[variant.Name].Add(allocated);
        }
    }

    var baseline = variants[0].Name;
    Console.WriteLine($"## {title}");
    Console.WriteLine("| variant | CPU µs/request (median) | ratio to HttpClient, CPU: median of per-round ratios | ratio, CPU: 10th percentiles | wall µs/request (median) | ratio, wall: median of per-round ratios | bytes/request |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    var over = false;
    foreach (var variant in variants)
    {
        var cpuRatio = PairedRatio(cpu[variant.Name], cpu[baseline]);
        var quietRatio = Statistics.Quantile(cpu[variant.Name], 0.1) / Statistics.Quantile(cpu[baseline], 0.1);
        var wallRatio = PairedRatio(times[variant.Name], times[baseline]);
        over |= variant.Name != baseline && variant.Counts && cpuRatio > Target;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {variant.Name} | {Statistics.Median(cpu[variant.Name]):0.0} | {cpuRatio:0.000} | {quietRatio:0.000} | {Statistics.Median(times[variant.Name]):0.0} | {wallRatio:0.000} | {Statistics.Median(bytes[variant.Name]):0} |"));
    }

    Console.WriteLine();
    return over;
}

// The median, over rounds, of each round's variant-to-baseline ratio.
static double PairedRatio(List<double> variant, List<double> baseline) =>
    Statistics.Median(variant.Select((value, round) => value / baseline[round]).ToArray());

async Task<(double Microseconds, double CpuMicroseconds, double Bytes)> TurnAsync(Variant variant, int count)
{
    using var monitor = variant.Monitor ? ImdsCallMonitor.Start(monitorOptions) : null;
    using var empty = variant.EmptySubscriber ? EmptySubscriber.Start() : null;
    using var activity = variant.AmbientActivity ? new Activity("incoming").Start() : null;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = ProcessCpuClock.NowMicroseconds();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        using var response = await variant.Client.GetAsync(uri);
        await response.Content.ReadAsByteArrayAsync();
    }

    clock.Stop();
    var cpuUsed = ProcessCpuClock.NowMicroseconds() - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    return (clock.Elapsed.TotalMicroseconds / count, cpuUsed / count, (double)allocated / count);
}

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double EndpointCheckBytes(Uri uri, ImdsTokenHandlerOptions options)
{
    var filter = ImdsTokenSource.Create(options).Filter;
    var matches = 0;
    for (var i = 0; i < 1000; i++)
    {
        matches += filter.IsMetadataEndpoint(uri) ? 1 : 0;
    }

    var before = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < 100_000; i++)
    {
        matches += filter.IsMetadataEndpoint(uri) ? 1 : 0;
    }

    var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 100_000.0;
    return matches == 0 ? bytes : double.NaN;
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;
