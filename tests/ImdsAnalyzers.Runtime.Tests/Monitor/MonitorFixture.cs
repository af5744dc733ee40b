using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>An emulator that allows token-less requests, and the process-wide monitor watching it.</summary>
internal sealed class MonitorFixture : IAsyncDisposable
{
    private MonitorFixture(MetadataEmulator emulator, ImdsCallMonitor monitor, CapturingLoggerProvider logs, MetricCollector metrics)
    {
        Emulator = emulator;
        Monitor = monitor;
        Logs = logs;
        Metrics = metrics;
    }

    public MetadataEmulator Emulator { get; }

    public ImdsCallMonitor Monitor { get; }

    public CapturingLoggerProvider Logs { get; }

    public MetricCollector Metrics { get; }

    public Uri InstanceIdUri => new(Emulator.BaseAddress, "latest/meta-data/instance-id");

    public Uri NotMetadataUri => new(Emulator.BaseAddress, "metadata/instance");

    public IReadOnlyList<LogEntry> CallSiteLogs => Logs.Entries.Where(entry => entry.EventId.Id == 1).ToArray();

    public static async Task<MonitorFixture> StartAsync(Action<ImdsCallMonitorOptions>? configure = null, TokenMode tokens = TokenMode.Optional, TimeSpan? latency = null)
    {
        var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = tokens, Latency = latency ?? TimeSpan.Zero });
        var logs = new CapturingLoggerProvider();
        var metrics = new MetricCollector();
        var options = new ImdsCallMonitorOptions { LoggerFactory = logs.CreateFactory(), EnvironmentVariables = _ => null };
        options.AdditionalEndpoints.Add(emulator.BaseAddress);
        configure?.Invoke(options);

        Assert.True(ImdsCallMonitor.TryStart(options, out var monitor), "A monitor from another test was still running.");
        return new MonitorFixture(emulator, monitor, logs, metrics);
    }

    /// <summary>The one call site seen so far.</summary>
    public ImdsCallSite SingleCallSite() => Assert.Single(Monitor.CallSites);

    public async ValueTask DisposeAsync()
    {
        Monitor.Dispose();
        Metrics.Dispose();
        await Emulator.DisposeAsync();
    }
}
