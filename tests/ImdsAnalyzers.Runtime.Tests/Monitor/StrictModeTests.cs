using System.Net;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>
/// Strict mode throws from the diagnostic listener's start event, before the request is sent. HttpClient and
/// HttpWebRequest pass the exception to the caller as it is; WebClient wraps it in a WebException.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public sealed class StrictModeTests
{
    // The request starts inside the lambda given to Assert.Throws, and the monitor says so.
    private static string Here(string method) => $"{typeof(StrictModeTests).FullName}.{method} (lambda)";

    [Fact]
    public async Task HttpClient_gets_the_exception_naming_the_call_site_and_nothing_is_sent()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.Strict = true);
        using var http = new HttpClient();

        var error = Assert.Throws<ImdsTokenlessRequestException>(() => http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)));

        Assert.Equal(Here(nameof(HttpClient_gets_the_exception_naming_the_call_site_and_nothing_is_sent)), error.CallSite.Caller);
        Assert.Contains("GET /latest/meta-data/instance-id from " + Here(nameof(HttpClient_gets_the_exception_naming_the_call_site_and_nothing_is_sent)) + " (StrictModeTests.cs:line ", error.Message);
        Assert.Contains("X-aws-ec2-metadata-token", error.Message);
        Assert.Empty(f.Emulator.Counters.Snapshot().Paths);
        Assert.Equal(1, f.Metrics.Sum("imds.requests.tokenless.failed"));
    }

    [Fact]
    public async Task HttpClient_async_on_a_new_handler_still_fails()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.Strict = true);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<ImdsTokenlessRequestException>(() => http.GetStringAsync(f.InstanceIdUri));

        Assert.Empty(f.Emulator.Counters.Snapshot().Paths);
    }

    [Fact]
    public async Task WebRequest_gets_the_exception_itself()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.Strict = true);

        var error = Assert.Throws<ImdsTokenlessRequestException>(() => WebRequest.Create(f.InstanceIdUri).GetResponse());

        Assert.Equal(Here(nameof(WebRequest_gets_the_exception_itself)), error.CallSite.Caller);
    }

    [Fact]
    public async Task WebClient_gets_it_inside_a_WebException()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.Strict = true);
        using var client = new WebClient();

        var error = Assert.Throws<WebException>(() => client.DownloadString(f.InstanceIdUri));

        var inner = Assert.IsType<ImdsTokenlessRequestException>(error.InnerException);
        Assert.Equal(Here(nameof(WebClient_gets_it_inside_a_WebException)), inner.CallSite.Caller);
    }

    [Fact]
    public async Task Requests_with_tokens_and_other_requests_pass()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.Strict = true, tokens: TokenMode.Required);
        using var withTokens = new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), new ImdsTokenHandlerOptions { Endpoint = f.Emulator.BaseAddress }));
        using var plain = new HttpClient();

        Assert.Equal(DefaultMetadata.InstanceId, await withTokens.GetStringAsync(f.InstanceIdUri));
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(f.NotMetadataUri)).StatusCode);
    }
}
