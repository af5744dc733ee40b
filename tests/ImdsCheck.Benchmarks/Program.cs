using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using ImdsCheck.Benchmarks;
using ImdsCheck.Cli;
using ImdsCheck.Tests.AwsDouble;

// Compares, in one run, a full `imds-check scan` of N instances with the one-metric-call-per-instance
// approach, against the AWS double with a fixed latency per call.
var instances = Option("--instances", 10_000);
var latencyMs = Option("--latency-ms", 20);
var parallel = Option("--parallel", 8);
const string region = "us-east-1";
const string accessKey = "AKIABENCHMARK0000001";
const string secretKey = "benchmarkSecretKeyValue000000000000000";

Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", accessKey);
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secretKey);
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

var now = DateTime.UtcNow;
Console.WriteLine($"imds-check benchmark: {instances:N0} instances in {region}, {latencyMs} ms latency per call, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {LoadAverage()}");

// Warm-up on a small fleet without latency, so JIT and connection set-up are not measured.
await using (var warm = await AwsDoubleServer.StartAsync(FleetGenerator.Generate(now, (region, 200))))
{
    await Scan(warm);
    await new PerInstanceStatistics(new HttpClient(), new BasicAWSCredentials(accessKey, secretKey), region, warm.Url)
        .ReadAsync(warm.Fleet.Region(region).Instances.Select(i => i.InstanceId).ToList(), now.AddDays(-14), now, parallel, CancellationToken.None);
}

await using var aws = await AwsDoubleServer.StartAsync(FleetGenerator.Generate(now, (region, instances)), new DoubleOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) });

var scanClock = Stopwatch.StartNew();
var scan = await Scan(aws);
scanClock.Stop();
var scanCalls = aws.Calls.All.GroupBy(c => c.Action).ToDictionary(g => g.Key, g => g.Count());
var scanned = scan.RootElement.GetProperty("regions")[0].GetProperty("instances").EnumerateArray()
    .ToDictionary(i => i.GetProperty("instanceId").GetString()!, i => i.GetProperty("metadataNoToken"));
var live = scanned.Keys.Order(StringComparer.Ordinal).ToList();
var window = scan.RootElement.GetProperty("window");
var start = window.GetProperty("start").GetDateTime().ToUniversalTime();
var end = window.GetProperty("end").GetDateTime().ToUniversalTime();

var rows = new List<(string Approach, int Calls, TimeSpan Time)>
{
    ($"imds-check scan (GetMetricData, 500 queries/call, both metrics)", scanCalls.Values.Sum(), scanClock.Elapsed),
};

var http = new HttpClient();
var credentials = new BasicAWSCredentials(accessKey, secretKey);
foreach (var degree in new[] { parallel, 1 })
{
    aws.Calls.Clear();
    var clock = Stopwatch.StartNew();
    var sums = await new PerInstanceStatistics(http, credentials, region, aws.Url).ReadAsync(live, start, end, degree, CancellationToken.None);
    clock.Stop();
    var disagreements = live.Count(id => scanned[id].ValueKind == JsonValueKind.Number && sums[id] is { } sum && Math.Abs(sum - scanned[id].GetDouble()) > 1e-9);
    if (disagreements > 0)
    {
        Console.Error.WriteLine($"warning: {disagreements} instances disagree between the two approaches");
    }

    rows.Add(($"one GetMetricStatistics per instance, MetadataNoToken only, {degree} at a time", aws.Calls.All.Count, clock.Elapsed));
}

Console.WriteLine();
Console.WriteLine($"imds-check calls: {string.Join(", ", scanCalls.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
Console.WriteLine($"bounds for N={instances}: GetMetricData <= ceil(2N/500) = {(int)Math.Ceiling(2.0 * instances / 500)}, DescribeInstances pages = ceil(N/1000) = {(int)Math.Ceiling(instances / 1000.0)}");
Console.WriteLine();
Console.WriteLine($"| approach | calls | wall time | time / imds-check |");
Console.WriteLine($"|---|---:|---:|---:|");
foreach (var (approach, calls, time) in rows)
{
    Console.WriteLine($"| {approach} | {calls:N0} | {time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s | {(time / rows[0].Time).ToString("0.0", CultureInfo.InvariantCulture)}x |");
}

Console.WriteLine();
Console.WriteLine($"finished with {LoadAverage()}");
return 0;

// The machine may be shared; the load says how much of the CPU-bound part (XML and JSON work on both sides) was contended.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

async Task<JsonDocument> Scan(AwsDoubleServer server)
{
    var stdout = new StringWriter();
    var stderr = new StringWriter();
    var exit = await ImdsCheckCli.RunAsync(
        ["scan", "--region", region, "--endpoint-url", server.Url.ToString(), "--output", "json", "--quiet"],
        new CliConsole(stdout, stderr, false, false), CancellationToken.None);
    if (exit is not (0 or 1))
    {
        throw new InvalidOperationException($"scan failed with exit {exit}: {stderr}");
    }

    return JsonDocument.Parse(stdout.ToString());
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
