using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class FailureModeTests
{
    [Fact]
    public async Task An_absent_service_gives_a_token_exception_and_other_requests_still_work()
    {
        var absent = LoopbackHttp.ClosedPort();
        await using var other = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions { Endpoint = absent }));

        var error = await Assert.ThrowsAsync<ImdsTokenException>(() => http.GetStringAsync(new Uri(absent, "latest/meta-data/instance-id")));

        Assert.IsAssignableFrom<HttpRequestException>(error);
        Assert.Contains($"PUT {absent}latest/api/token", error.Message);
        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync(new Uri(other.BaseAddress, "latest/meta-data/instance-id")));
    }

    [Fact]
    public async Task A_refused_token_request_is_reported_and_not_cached()
    {
        await using var f = await HandlerFixture.StartAsync();

        // A PUT that went through a proxy is refused with 403; the handler reports it and keeps nothing.
        using var proxied = new HttpClient(new ImdsTokenHandler(
            new AddForwardedFor { InnerHandler = LoopbackHttp.Handler() },
            new ImdsTokenHandlerOptions { Endpoint = f.Emulator.BaseAddress }));
        var error = await Assert.ThrowsAsync<ImdsTokenException>(() => proxied.GetStringAsync(f.InstanceIdUri));
        await Assert.ThrowsAsync<ImdsTokenException>(() => proxied.GetStringAsync(f.InstanceIdUri));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("403", error.Message);
        Assert.Equal(2, f.Emulator.Counters.TokenRequestsRejected);
        Assert.Equal(0, f.Emulator.Counters.TokenlessRejected);
    }

    [Fact]
    public async Task A_slow_token_service_times_out_with_a_clear_message()
    {
        await using var f = await HandlerFixture.StartAsync(
            emulator: o => o.Latency = TimeSpan.FromSeconds(5),
            handler: o => o.TokenRequestTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<ImdsTokenException>(() => f.Http.GetStringAsync(f.InstanceIdUri));

        Assert.Contains("took longer than 0.2 s", error.Message);
    }

    [Fact]
    public async Task The_callers_timeout_ends_its_wait_for_a_slow_token()
    {
        await using var f = await HandlerFixture.StartAsync(
            emulator: o => o.Latency = TimeSpan.FromSeconds(5),
            clientTimeout: TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TaskCanceledException>(() => f.Http.GetStringAsync(f.InstanceIdUri));
    }

    private sealed class AddForwardedFor : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.0.0.1");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
