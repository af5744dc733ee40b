using System.Diagnostics.Metrics;
using ImdsAnalyzers.Runtime;
using ImdsEmulator;
using Microsoft.Extensions.Logging;

namespace RuntimeMonitorDemo;

/// <summary>
/// Usage: RuntimeMonitorDemo [--metadata-url URL] [--tokens optional|required] [--strict]
/// Without --metadata-url (or INVENTORY_METADATA_URL) it starts an emulated instance metadata service on loopback.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var configuredUrl = Option(args, "--metadata-url") ?? Environment.GetEnvironmentVariable("INVENTORY_METADATA_URL");
        var strict = args.Contains("--strict");
        var tokens = Option(args, "--tokens") == "required" ? TokenMode.Required : TokenMode.Optional;

        await using var emulator = configuredUrl is null
            ? await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = tokens })
            : null;
        var metadataBase = configuredUrl ?? emulator!.BaseAddress.ToString();
        Console.WriteLine(emulator is null
            ? $"Metadata service: {metadataBase} (from configuration)"
            : $"Metadata service: {metadataBase} (emulated, HttpTokens={tokens.ToString().ToLowerInvariant()})");

        using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(console => console.SingleLine = false));
        var options = new ImdsCallMonitorOptions { LoggerFactory = loggerFactory, Strict = strict };
        options.AdditionalEndpoints.Add(new Uri(metadataBase));
        using var monitor = ImdsCallMonitor.Start(options);
        using var counts = new TokenlessCounts();

        Console.WriteLine();
        Console.WriteLine("1. The plug-in reads the availability zone without a token:");
        try
        {
            Console.WriteLine($"   zone: {InventoryPlugin.ReadZone(metadataBase)}");
        }
        catch (Exception ex)
        {
            // WebClient wraps what went wrong (in strict mode, the monitor's exception) in a WebException.
            var reason = ex is System.Net.WebException { InnerException: { } inner } ? inner : ex;
            Console.WriteLine($"   failed: {reason.GetType().Name}: {reason.Message}");
        }

        Console.WriteLine();
        Console.WriteLine("2. The same read through ImdsTokenHandler sends a session token; the monitor stays quiet:");
        using (var http = new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), new ImdsTokenHandlerOptions { Endpoint = new Uri(metadataBase) })))
        {
            Console.WriteLine($"   zone: {await http.GetStringAsync(new Uri(new Uri(metadataBase), "latest/meta-data/placement/availability-zone"))}");
        }

        // Let the console logger write its queue before the summary.
        loggerFactory.Dispose();
        Console.WriteLine();
        Console.WriteLine("What the monitor saw:");
        foreach (var site in monitor.CallSites)
        {
            Console.WriteLine($"   call site: {site.Describe()} -> {site.HttpMethod} {site.Path}");
        }

        Console.WriteLine($"   imds.requests.tokenless = {counts.Tokenless}, imds.requests.tokenless.rejected = {counts.Rejected}, imds.requests.tokenless.failed = {counts.Failed}");
        if (emulator is not null)
        {
            var snapshot = emulator.Counters.Snapshot();
            Console.WriteLine($"   the emulated instance counted MetadataNoToken = {snapshot.TokenlessAccepted}, MetadataNoTokenRejected = {snapshot.TokenlessRejected}");
        }

        return monitor.CallSites.Count == 0 ? 1 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Reads the monitor's counters the way an exporter (OpenTelemetry, dotnet-counters) would.</summary>
    private sealed class TokenlessCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _tokenless;
        private long _rejected;
        private long _failed;

        public TokenlessCounts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "ImdsAnalyzers.Runtime")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                switch (instrument.Name)
                {
                    case "imds.requests.tokenless": Interlocked.Add(ref _tokenless, value); break;
                    case "imds.requests.tokenless.rejected": Interlocked.Add(ref _rejected, value); break;
                    case "imds.requests.tokenless.failed": Interlocked.Add(ref _failed, value); break;
                }
            });
            _listener.Start();
        }

        public long Tokenless => Interlocked.Read(ref _tokenless);

        public long Rejected => Interlocked.Read(ref _rejected);

        public long Failed => Interlocked.Read(ref _failed);

        public void Dispose() => _listener.Dispose();
    }
}
