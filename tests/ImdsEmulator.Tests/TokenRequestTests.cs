using System.Net;

namespace ImdsEmulator.Tests;

public sealed class TokenRequestTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("300")]
    [InlineData("21600")]
    public async Task A_put_with_a_ttl_in_range_gets_a_token_and_the_ttl_echoed(string ttl)
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        using var response = await Imds.PutTokenAsync(http, ttl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ttl, Assert.Single(response.Headers.GetValues(Imds.TtlHeader)));
        var token = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.Equal(1, emulator.Counters.TokenRequests);
        Assert.Equal(0, emulator.Counters.TokenRequestsRejected);
    }

    [Fact]
    public async Task Each_put_gets_a_different_token()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        Assert.NotEqual(await Imds.TokenAsync(http), await Imds.TokenAsync(http));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("1.5")]
    public async Task A_missing_or_bad_ttl_gets_400(string? ttl)
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        using var response = await Imds.PutTokenAsync(http, ttl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains(Imds.TtlHeader));
        Assert.Equal(1, emulator.Counters.TokenRequests);
        Assert.Equal(1, emulator.Counters.TokenRequestsRejected);
    }

    [Fact]
    public async Task A_put_that_went_through_a_proxy_gets_403()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        using var response = await Imds.PutTokenAsync(http, configure: request => request.Headers.Add("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, emulator.Counters.TokenRequestsRejected);
    }

    [Fact]
    public async Task A_put_to_a_dated_token_path_gets_403()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        using var response = await Imds.PutTokenAsync(http, path: "2021-03-23/api/token");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, emulator.Counters.TokenRequestsRejected);
    }

    [Fact]
    public async Task A_get_on_the_token_path_gets_405_and_is_no_token_request()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);

        using var response = await Imds.GetAsync(http, "latest/api/token");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, emulator.Counters.TokenRequests);
        Assert.Equal(1, emulator.Counters.ForPath("/latest/api/token"));
    }

    [Fact]
    public async Task MaxTokenTtl_caps_the_granted_ttl_and_says_so_in_the_header()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { MaxTokenTtl = TimeSpan.FromSeconds(2), TimeProvider = clock });
        using var http = Imds.Client(emulator);

        using var response = await Imds.PutTokenAsync(http, "21600");
        var token = await response.Content.ReadAsStringAsync();

        Assert.Equal("2", Assert.Single(response.Headers.GetValues(Imds.TtlHeader)));
        Assert.Equal(HttpStatusCode.OK, (await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/instance-id", token))).Status);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Imds.ReadAsync(Imds.GetAsync(http, "latest/meta-data/instance-id", token))).Status);
    }
}
