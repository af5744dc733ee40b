using System.Net;
using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;
using Microsoft.Extensions.Logging;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

[Collection(ProcessWideCollection.Name)]
public sealed class MetricsAndLoggingTests
{
    private const string Tokenless = "imds.requests.tokenless";
    private const string Rejected = "imds.requests.tokenless.rejected";
    private const string Failed = "imds.requests.tokenless.failed";

    [Fact]
    public async Task A_served_tokenless_request_counts_once_tagged_with_its_path_and_nothing_else()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();

        http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Emulator.BaseAddress, "latest/meta-data/instance-id?secret=hunter2"))).Dispose();

        var measurement = Assert.Single(f.Metrics.Measurements);
        Assert.Equal(Tokenless, measurement.Instrument);
        Assert.Equal(1, measurement.Value);
        var tag = Assert.Single(measurement.Tags);
        Assert.Equal(new KeyValuePair<string, object?>("url.path", "/latest/meta-data/instance-id"), tag);
        Assert.DoesNotContain(f.Logs.Entries, entry => entry.Message.Contains("hunter2"));
    }

    [Fact]
    public async Task A_tokenless_request_refused_with_401_counts_as_rejected()
    {
        await using var f = await MonitorFixture.StartAsync(tokens: TokenMode.Required);
        using var http = new HttpClient();

        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, f.Metrics.Sum(Rejected, "/latest/meta-data/instance-id"));
        Assert.Equal(0, f.Metrics.Sum(Tokenless));
        Assert.Equal(1, f.Emulator.Counters.TokenlessRejected);
    }

    [Fact]
    public async Task Requests_with_tokens_token_puts_and_other_requests_are_not_counted_or_logged()
    {
        await using var f = await MonitorFixture.StartAsync(tokens: TokenMode.Required);
        using var withTokens = new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), new ImdsTokenHandlerOptions { Endpoint = f.Emulator.BaseAddress }));
        using var plain = new HttpClient();

        await withTokens.GetStringAsync(f.InstanceIdUri);
        (await plain.GetAsync(f.NotMetadataUri)).Dispose();
        (await plain.GetAsync(new Uri(f.Emulator.BaseAddress, "computeMetadata/v1/instance/id"))).Dispose();

        Assert.Empty(f.Metrics.Measurements);
        Assert.Empty(f.Monitor.CallSites);
        Assert.Empty(f.CallSiteLogs);
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task Each_call_site_is_logged_once_with_its_stack()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)).Dispose();
        }

        http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Emulator.BaseAddress, "latest/user-data"))).Dispose();

        Assert.Equal(4, f.Metrics.Sum(Tokenless));
        Assert.Equal(2, f.Monitor.CallSites.Count);
        var logs = f.CallSiteLogs;
        Assert.Equal(2, logs.Count);
        Assert.All(logs, entry => Assert.Equal(LogLevel.Warning, entry.Level));
        Assert.All(logs, entry => Assert.Equal("ImdsAnalyzers.Runtime.ImdsCallMonitor", entry.Category));
        var first = logs[0].Message;
        Assert.Contains("GET /latest/meta-data/instance-id", first);
        Assert.Contains($"{typeof(MetricsAndLoggingTests).FullName}.{nameof(Each_call_site_is_logged_once_with_its_stack)} (MetricsAndLoggingTests.cs:line ", first);
        Assert.Contains("MetadataNoToken", first);
        Assert.Contains("   at ImdsAnalyzers.Runtime.Tests.Monitor.MetricsAndLoggingTests", first);
        Assert.DoesNotContain("System.Net.Http.DiagnosticsHandler", first);
    }

    [Fact]
    public async Task The_callback_hears_of_each_new_call_site_and_its_failure_breaks_nothing()
    {
        var heard = new List<ImdsCallSite>();
        await using var f = await MonitorFixture.StartAsync(o => o.CallSiteDetected = site =>
        {
            heard.Add(site);
            throw new InvalidOperationException("callback bug");
        });
        using var http = new HttpClient();

        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/latest/meta-data/instance-id", Assert.Single(heard).Path);
        var error = Assert.Single(f.Logs.Entries, entry => entry.EventId.Id == 3);
        Assert.Equal("callback bug", error.Exception?.Message);
    }

    [Fact]
    public async Task Past_the_call_site_limit_requests_are_still_counted_and_the_limit_is_logged_once()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.MaxCallSites = 1);
        using var http = new HttpClient();

        http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)).Dispose();
        http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Emulator.BaseAddress, "latest/user-data"))).Dispose();
        http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Emulator.BaseAddress, "latest/meta-data/ami-id"))).Dispose();

        Assert.Single(f.Monitor.CallSites);
        Assert.Single(f.CallSiteLogs);
        Assert.Single(f.Logs.Entries, entry => entry.EventId.Id == 2);
        Assert.Equal(3, f.Metrics.Sum(Tokenless));
    }

    [Fact]
    public async Task An_absent_service_counts_as_failed_and_the_caller_sees_the_usual_error()
    {
        var absent = LoopbackHttp.ClosedPort();
        await using var f = await MonitorFixture.StartAsync(o => o.AdditionalEndpoints.Add(absent));
        using var http = new HttpClient();

        var error = Assert.Throws<HttpRequestException>(() => http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(absent, "latest/meta-data/instance-id"))));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(1, f.Metrics.Sum(Failed, "/latest/meta-data/instance-id"));
        Assert.Single(f.CallSiteLogs);
    }

    [Fact]
    public async Task A_slow_service_times_the_caller_out_as_usual_and_counts_as_failed()
    {
        await using var f = await MonitorFixture.StartAsync(latency: TimeSpan.FromSeconds(5));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetStringAsync(f.InstanceIdUri));

        Assert.Equal(1, f.Metrics.Sum(Failed));
        Assert.Single(f.Monitor.CallSites);
    }
}
