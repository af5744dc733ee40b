using System.Globalization;
using ImdsAnalyzers.Runtime.Benchmarks;

// What ImdsTokenHandler and ImdsCallMonitor add to requests that are not bound for the metadata service, measured
// two ways: directly on loopback requests (the target's own measure, noisy on shared cores), and as added work over
// an in-memory connection (precise), which divided by a loopback request's time gives the same ratio.
BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

List<LoopbackRow> loopback;
List<AddedCostRow> added;
if (settings.Processes > 1)
{
    (loopback, added) = await ChildProcesses.RunAsync(settings, args);
}
else
{
    loopback = await LoopbackComparison.RunAsync(settings);
    added = await AddedCostComparison.RunAsync(settings);
    if (settings.Child)
    {
        foreach (var row in loopback)
        {
            Console.WriteLine(row.Serialize());
        }

        foreach (var row in added)
        {
            Console.WriteLine(row.Serialize());
        }

        return 0;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Loopback GETs: {settings.Rounds} rounds x ({settings.Settle} unmeasured + {settings.Requests} measured) requests per variant after {settings.Warmup} warm-up requests; in-memory: {settings.InMemoryRounds} rounds x {settings.InMemoryRequests}; {settings.Processes} process(es)."));
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ImdsTokenHandler's check of a request that is not for the metadata service allocates {EndpointCheck.BytesPerCheck():0.##} bytes."));
Console.WriteLine();
var over = Report.Print(loopback, added, settings.Processes);
return over && settings.Assert ? 1 : 0;
