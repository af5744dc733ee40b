using System.Net;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class TokenCachingTests
{
    private const int Concurrency = 1000;

    [Fact]
    public async Task A_metadata_request_gets_a_token_and_the_required_instance_answers()
    {
        await using var f = await HandlerFixture.StartAsync();

        Assert.Equal(DefaultMetadata.InstanceId, await f.Http.GetStringAsync(f.InstanceIdUri));

        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
        Assert.Equal(1, f.Emulator.Counters.AuthenticatedRequests);
        Assert.Equal(0, f.Emulator.Counters.TokenlessRejected);
    }

    [Fact]
    public async Task A_thousand_concurrent_requests_share_one_token_fetch()
    {
        await using var f = await HandlerFixture.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => f.Http.GetStringAsync(f.InstanceIdUri)));

        Assert.All(answers, answer => Assert.Equal(DefaultMetadata.InstanceId, answer));
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
        Assert.Equal(Concurrency, f.Emulator.Counters.AuthenticatedRequests);
    }

    [Fact]
    public async Task Each_token_lifetime_costs_exactly_one_fetch_under_load()
    {
        await using var f = await HandlerFixture.StartAsync(handler: o => o.TokenTtl = TimeSpan.FromSeconds(60));

        for (var lifetime = 1; lifetime <= 3; lifetime++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => f.Http.GetStringAsync(f.InstanceIdUri)));
            Assert.All(answers, answer => Assert.Equal(DefaultMetadata.InstanceId, answer));
            Assert.Equal(lifetime, f.Emulator.Counters.TokenRequests);

            // Past the refresh point (a quarter of 60 s before expiry) but before the token expires.
            f.Clock.Advance(TimeSpan.FromSeconds(50));
        }

        Assert.Equal(0, f.Emulator.Counters.InvalidTokenRejected);
        Assert.Equal(3 * Concurrency, f.Emulator.Counters.AuthenticatedRequests);
    }

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires()
    {
        await using var f = await HandlerFixture.StartAsync(handler: o =>
        {
            o.TokenTtl = TimeSpan.FromSeconds(600);
            o.RefreshBeforeExpiry = TimeSpan.FromSeconds(30);
        });

        await f.Http.GetStringAsync(f.InstanceIdUri);
        f.Clock.Advance(TimeSpan.FromSeconds(569));
        await f.Http.GetStringAsync(f.InstanceIdUri);
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.Http.GetStringAsync(f.InstanceIdUri);
        Assert.Equal(2, f.Emulator.Counters.TokenRequests);
        Assert.Equal(0, f.Emulator.Counters.InvalidTokenRejected);
    }

    [Fact]
    public async Task The_ttl_the_service_grants_wins_over_a_longer_one_asked_for()
    {
        await using var f = await HandlerFixture.StartAsync(emulator: o => o.MaxTokenTtl = TimeSpan.FromSeconds(8));

        await f.Http.GetStringAsync(f.InstanceIdUri);
        f.Clock.Advance(TimeSpan.FromSeconds(7));
        await f.Http.GetStringAsync(f.InstanceIdUri);

        // Replaced before the service's 8 s ran out, so no request was ever refused.
        Assert.Equal(2, f.Emulator.Counters.TokenRequests);
        Assert.Equal(0, f.Emulator.Counters.InvalidTokenRejected);
    }

    [Fact]
    public async Task The_token_put_asks_for_the_configured_ttl()
    {
        await using var f = await HandlerFixture.StartAsync(emulator: o => o.MaxTokenTtl = TimeSpan.FromSeconds(100), handler: o => o.TokenTtl = TimeSpan.FromSeconds(90));

        await f.Http.GetStringAsync(f.InstanceIdUri);
        f.Clock.Advance(TimeSpan.FromSeconds(67));
        await f.Http.GetStringAsync(f.InstanceIdUri);

        // 90 s asked and granted: refreshed at 90 - 22.5 = 67.5 s, so still one token at 67 s.
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task A_synchronous_send_gets_a_token_too()
    {
        await using var f = await HandlerFixture.StartAsync();

        using var response = f.Http.Send(new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, f.Emulator.Counters.AuthenticatedRequests);
    }
}
