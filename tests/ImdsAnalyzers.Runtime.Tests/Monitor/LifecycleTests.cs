using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

[Collection(ProcessWideCollection.Name)]
public sealed class LifecycleTests
{
    [Fact]
    public void Starting_twice_returns_the_running_monitor_and_says_so()
    {
        using var first = ImdsCallMonitor.Start(new ImdsCallMonitorOptions { Strict = true });

        var second = ImdsCallMonitor.Start(new ImdsCallMonitorOptions { Strict = false });
        var started = ImdsCallMonitor.TryStart(null, out var third);

        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.False(started);
        Assert.True(second.Strict);
        Assert.Same(first, ImdsCallMonitor.Current);
    }

    [Fact]
    public void Concurrent_starts_make_one_monitor()
    {
        var monitors = new ImdsCallMonitor[16];
        Parallel.For(0, monitors.Length, i => monitors[i] = ImdsCallMonitor.Start());
        try
        {
            Assert.All(monitors, monitor => Assert.Same(monitors[0], monitor));
        }
        finally
        {
            monitors[0].Dispose();
        }
    }

    [Fact]
    public async Task A_stopped_monitor_sees_nothing_and_a_new_one_can_start()
    {
        var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();
        f.Monitor.Stop();
        f.Monitor.Dispose();

        http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)).Dispose();

        Assert.False(f.Monitor.IsRunning);
        Assert.Null(ImdsCallMonitor.Current);
        Assert.Empty(f.Monitor.CallSites);
        Assert.Empty(f.Metrics.Measurements);
        await f.DisposeAsync();

        await using var again = await MonitorFixture.StartAsync();
        Assert.NotSame(f.Monitor, again.Monitor);
        http.Send(new HttpRequestMessage(HttpMethod.Get, again.InstanceIdUri)).Dispose();
        Assert.Single(again.Monitor.CallSites);
    }

    [Fact]
    public async Task AddImdsCallMonitor_starts_with_the_host_logs_through_the_container_and_stops_with_it()
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(builder => builder.AddProvider(logs))
            .AddImdsCallMonitor(options =>
            {
                options.AdditionalEndpoints.Add(imds.BaseAddress);
                options.EnvironmentVariables = _ => null;
            });
        var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var monitor = ImdsCallMonitor.Current;
        Assert.NotNull(monitor);
        Assert.Same(monitor, provider.GetRequiredService<ImdsCallMonitor>());
        using (var http = new HttpClient())
        {
            http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(imds.BaseAddress, "latest/meta-data/hostname"))).Dispose();
        }

        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 1 && entry.Message.Contains("/latest/meta-data/hostname"));

        await provider.DisposeAsync();
        Assert.False(monitor.IsRunning);
        Assert.Null(ImdsCallMonitor.Current);
    }

    [Fact]
    public async Task A_bad_endpoint_setting_is_logged_and_the_monitor_runs_anyway()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.EnvironmentVariables = name => name == ImdsEnvironment.EndpointModeVariable ? "IPv7" : null);

        Assert.True(f.Monitor.IsRunning);
        var warning = Assert.Single(f.Logs.Entries, entry => entry.EventId.Id == 5);
        Assert.Contains("IPv7", warning.Message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void HttpClient_diagnostics_switch_is_read_as_dotnet_reads_it(string? value, bool expected)
    {
        Assert.Equal(expected, ImdsCallMonitor.HttpDiagnosticsEnabled(name => name == "DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION" ? value : null));
    }
}
