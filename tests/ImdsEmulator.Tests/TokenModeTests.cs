using System.Net;

namespace ImdsEmulator.Tests;

public sealed class TokenModeTests
{
    private const string InstanceIdPath = "latest/meta-data/instance-id";

    [Fact]
    public async Task Required_refuses_a_tokenless_request_with_401_and_counts_it_as_rejected()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        using var http = Imds.Client(emulator);

        var (status, _) = await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(1, emulator.Counters.TokenlessRejected);
        Assert.Equal(0, emulator.Counters.TokenlessAccepted);
    }

    [Fact]
    public async Task Required_serves_a_request_with_a_valid_token()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        using var http = Imds.Client(emulator);
        var token = await Imds.TokenAsync(http);

        var (status, body) = await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, token));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(DefaultMetadata.InstanceId, body);
        Assert.Equal(1, emulator.Counters.AuthenticatedRequests);
    }

    [Theory]
    [InlineData(TokenMode.Required)]
    [InlineData(TokenMode.Optional)]
    public async Task An_unknown_token_gets_401_in_either_mode(TokenMode mode)
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = mode });
        using var http = Imds.Client(emulator);

        var (status, _) = await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, "AQAEAnotARealToken=="));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(1, emulator.Counters.InvalidTokenRejected);
        Assert.Equal(0, emulator.Counters.TokenlessRejected);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var http = Imds.Client(emulator);
        var token = await Imds.TokenAsync(http, ttl: "60");

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, token))).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, token))).Status);
        Assert.Equal(1, emulator.Counters.InvalidTokenRejected);
    }

    [Fact]
    public async Task Revoked_tokens_get_401_and_new_ones_work()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        using var http = Imds.Client(emulator);
        var token = await Imds.TokenAsync(http);

        emulator.RevokeAllTokens();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, token))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, await Imds.TokenAsync(http)))).Status);
    }

    [Fact]
    public async Task Optional_serves_a_tokenless_request_and_counts_it_as_MetadataNoToken()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = Imds.Client(emulator);

        var (status, body) = await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(DefaultMetadata.InstanceId, body);
        Assert.Equal(1, emulator.Counters.TokenlessAccepted);
        Assert.Equal(0, emulator.Counters.AuthenticatedRequests);
    }

    [Fact]
    public async Task Optional_still_serves_tokens()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = Imds.Client(emulator);

        var (status, _) = await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath, await Imds.TokenAsync(http)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, emulator.Counters.AuthenticatedRequests);
        Assert.Equal(0, emulator.Counters.TokenlessAccepted);
    }

    [Fact]
    public async Task Switching_to_required_while_running_refuses_tokenless_requests_from_then_on()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });
        using var http = Imds.Client(emulator);
        Assert.Equal(HttpStatusCode.OK, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath))).Status);

        emulator.Tokens = TokenMode.Required;

        Assert.Equal(HttpStatusCode.Unauthorized, (await Imds.ReadAsync(Imds.GetAsync(http, InstanceIdPath))).Status);
        Assert.Equal(1, emulator.Counters.TokenlessAccepted);
        Assert.Equal(1, emulator.Counters.TokenlessRejected);
    }
}
