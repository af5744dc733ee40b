using System.Diagnostics;
using System.Net;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Monitor;

/// <summary>The monitor sees token-less requests from each of .NET's HTTP APIs and names the method that made them.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class HttpApiCoverageTests
{
    private static string Here(string method) => $"{typeof(HttpApiCoverageTests).FullName}.{method}";

    [Fact]
    public async Task HttpClient_async_on_a_handler_already_in_use()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();
        (await http.GetAsync(f.NotMetadataUri)).Dispose();

        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync(f.InstanceIdUri));

        var site = f.SingleCallSite();
        Assert.Equal(Here(nameof(HttpClient_async_on_a_handler_already_in_use)), site.Caller);
        Assert.Equal("GET", site.HttpMethod);
        Assert.Equal("/latest/meta-data/instance-id", site.Path);
        Assert.EndsWith("HttpApiCoverageTests.cs", site.File);
        Assert.NotNull(site.Line);
    }

    [Fact]
    public async Task HttpClient_synchronous_send()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();

        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Here(nameof(HttpClient_synchronous_send)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task HttpClient_first_async_request_on_a_new_handler_is_named_on_dotnet_8_but_not_on_dotnet_10()
    {
        // .NET 10 builds a new SocketsHttpHandler's pipeline on the thread pool, so the diagnostic event of its first
        // asynchronous request runs on a thread that holds none of the caller's frames; .NET 8 builds it inline.
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();

        await http.GetStringAsync(f.InstanceIdUri);

        var site = f.SingleCallSite();
        Assert.Equal("/latest/meta-data/instance-id", site.Path);
        if (Environment.Version.Major >= 10)
        {
            Assert.Null(site.Caller);
            Assert.Contains("an unknown caller", Assert.Single(f.CallSiteLogs).Message);
        }
        else
        {
            Assert.Equal(Here(nameof(HttpClient_first_async_request_on_a_new_handler_is_named_on_dotnet_8_but_not_on_dotnet_10)), site.Caller);
        }
    }

    [Fact]
    public async Task HttpClient_first_async_request_is_named_when_capturing_through_HttpClient_events()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.CaptureCallersThroughHttpClientEvents = true);
        using var http = new HttpClient();

        await http.GetStringAsync(f.InstanceIdUri);

        Assert.Equal(Here(nameof(HttpClient_first_async_request_is_named_when_capturing_through_HttpClient_events)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task HttpClient_called_through_reflection()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();
        var send = typeof(HttpClient).GetMethod(nameof(HttpClient.Send), [typeof(HttpRequestMessage)])!;

        using var response = (HttpResponseMessage)send.Invoke(http, [new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)])!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Here(nameof(HttpClient_called_through_reflection)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task HttpClient_inside_an_ambient_activity()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();
        (await http.GetAsync(f.NotMetadataUri)).Dispose();

        using (new Activity("incoming request").Start())
        {
            await http.GetStringAsync(f.InstanceIdUri);
            (await http.GetAsync(f.NotMetadataUri)).Dispose();
        }

        Assert.Equal(Here(nameof(HttpClient_inside_an_ambient_activity)), f.SingleCallSite().Caller);
        Assert.Equal(1, f.Metrics.Sum("imds.requests.tokenless"));
    }

    [Fact]
    public async Task HttpClient_inside_an_ambient_activity_with_a_Host_header()
    {
        // Since .NET 9 the activity's server.address is the Host header's name when the request sets one.
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient();
        (await http.GetAsync(f.NotMetadataUri)).Dispose();

        using (new Activity("incoming request").Start())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri);
            request.Headers.Host = "metadata.example";
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            using var other = new HttpRequestMessage(HttpMethod.Get, f.NotMetadataUri);
            other.Headers.Host = "169.254.169.254";
            (await http.SendAsync(other)).Dispose();
        }

        Assert.Equal(Here(nameof(HttpClient_inside_an_ambient_activity_with_a_Host_header)), f.SingleCallSite().Caller);
        Assert.Equal(1, f.Metrics.Sum("imds.requests.tokenless"));
    }

    [Fact]
    public async Task WebRequest_GetResponse()
    {
        await using var f = await MonitorFixture.StartAsync();

        var request = WebRequest.Create(f.InstanceIdUri);
        using (var response = request.GetResponse())
        {
            Assert.Equal(HttpStatusCode.OK, ((HttpWebResponse)response).StatusCode);
        }

        Assert.Equal(Here(nameof(WebRequest_GetResponse)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task WebRequest_GetResponseAsync_loses_its_caller_even_when_capturing_through_HttpClient_events()
    {
        // WebRequest.GetResponseAsync hands the whole request to the thread pool before HttpClient sees it, so no
        // event of the request runs beside the caller's frames. The request is still seen, counted and logged.
        await using var f = await MonitorFixture.StartAsync(o => o.CaptureCallersThroughHttpClientEvents = true);

        var request = WebRequest.Create(f.InstanceIdUri);
        using (await request.GetResponseAsync())
        {
        }

        var site = f.SingleCallSite();
        Assert.Null(site.Caller);
        Assert.Contains("System.Net.WebRequest.GetResponseAsync", site.StackTrace);
        Assert.Equal(1, f.Metrics.Sum("imds.requests.tokenless"));
    }

    [Fact]
    public async Task WebClient_DownloadString()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var client = new WebClient();

        Assert.Equal(DefaultMetadata.InstanceId, client.DownloadString(f.InstanceIdUri));

        Assert.Equal(Here(nameof(WebClient_DownloadString)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task WebClient_DownloadStringTaskAsync_when_capturing_through_HttpClient_events()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.CaptureCallersThroughHttpClientEvents = true);
        using var client = new WebClient();

        Assert.Equal(DefaultMetadata.InstanceId, await client.DownloadStringTaskAsync(f.InstanceIdUri));

        Assert.Equal(Here(nameof(WebClient_DownloadStringTaskAsync_when_capturing_through_HttpClient_events)), f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task WebClient_DownloadStringTaskAsync_by_default()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var client = new WebClient();

        Assert.Equal(DefaultMetadata.InstanceId, await client.DownloadStringTaskAsync(f.InstanceIdUri));

        // WebClient's task API starts the request on the caller's thread, but through a new handler on each call.
        var expected = Environment.Version.Major >= 10 ? null : Here(nameof(WebClient_DownloadStringTaskAsync_by_default));
        Assert.Equal(expected, f.SingleCallSite().Caller);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_skipped_handler_that_awaits_before_sending_hides_the_caller_unless_capturing(bool capture)
    {
        // Retry and resilience handlers send later attempts after an await, on a thread-pool thread; with their
        // namespace skipped (Polly's is by default), nothing of the caller is left on the stack.
        await using var f = await MonitorFixture.StartAsync(o =>
        {
            o.CaptureCallersThroughHttpClientEvents = capture;
            o.CallerSkipPrefixes.Add("ImdsAnalyzers.Runtime.Tests.Resilience.");
        });
        using var http = new HttpClient(new Resilience.YieldingHandler { InnerHandler = new SocketsHttpHandler() });
        (await http.GetAsync(f.NotMetadataUri)).Dispose();

        await http.GetStringAsync(f.InstanceIdUri);

        var expected = capture ? Here(nameof(A_skipped_handler_that_awaits_before_sending_hides_the_caller_unless_capturing)) : null;
        Assert.Equal(expected, f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task A_handler_of_the_application_that_awaits_before_sending_is_itself_the_caller()
    {
        await using var f = await MonitorFixture.StartAsync();
        using var http = new HttpClient(new Resilience.YieldingHandler { InnerHandler = new SocketsHttpHandler() });
        (await http.GetAsync(f.NotMetadataUri)).Dispose();

        await http.GetStringAsync(f.InstanceIdUri);

        Assert.Equal("ImdsAnalyzers.Runtime.Tests.Resilience.YieldingHandler.SendAsync", f.SingleCallSite().Caller);
    }

    [Fact]
    public async Task The_default_endpoint_is_watched_without_configuration()
    {
        await using var f = await MonitorFixture.StartAsync(o => o.AdditionalEndpoints.Clear());
        using var http = new HttpClient(Support.LoopbackHttp.Handler(f.Emulator.BaseAddress));

        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/latest/meta-data/ami-id"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/latest/meta-data/ami-id", f.SingleCallSite().Path);
    }

    [Fact]
    public async Task The_endpoint_from_the_environment_is_watched()
    {
        Uri? endpoint = null;
        await using var f = await MonitorFixture.StartAsync(o =>
        {
            endpoint = o.AdditionalEndpoints.Single();
            o.AdditionalEndpoints.Clear();
            o.EnvironmentVariables = name => name == ImdsEnvironment.EndpointVariable ? endpoint.ToString() : null;
        });
        using var http = new HttpClient();

        http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri)).Dispose();

        Assert.Equal(Here(nameof(The_endpoint_from_the_environment_is_watched)), f.SingleCallSite().Caller);
    }
}
