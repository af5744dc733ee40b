using System.Net;
using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class PassThroughTests
{
    [Fact]
    public async Task Requests_to_other_hosts_go_out_untouched_and_fetch_no_token()
    {
        await using var f = await HandlerFixture.StartAsync();
        // A second service on loopback that logs what it receives: it plays "any other web service".
        await using var other = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Optional });

        var answer = await f.Http.GetStringAsync(new Uri(other.BaseAddress, "latest/meta-data/instance-id"));

        Assert.Equal(DefaultMetadata.InstanceId, answer);
        Assert.Equal(1, other.Counters.TokenlessAccepted);
        Assert.Equal(0, other.Counters.TokenRequests);
        Assert.Equal(0, f.Emulator.Counters.TokenRequests);
    }

    [Theory]
    [InlineData("metadata/instance?api-version=2021-02-01")]
    [InlineData("computeMetadata/v1/instance/id")]
    public async Task Other_clouds_paths_on_the_metadata_address_get_no_token(string path)
    {
        await using var f = await HandlerFixture.StartAsync();

        using var response = await f.Http.GetAsync(new Uri(f.Emulator.BaseAddress, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task A_request_that_brings_its_own_token_is_left_alone()
    {
        await using var f = await HandlerFixture.StartAsync();
        using var raw = new HttpClient();
        var put = new HttpRequestMessage(HttpMethod.Put, new Uri(f.Emulator.BaseAddress, "latest/api/token"));
        put.Headers.Add(ImdsProtocol.TokenTtlHeader, "60");
        var own = await (await raw.SendAsync(put)).Content.ReadAsStringAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, f.InstanceIdUri);
        request.Headers.Add(ImdsProtocol.TokenHeader, own);
        using var response = await f.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task A_token_put_by_the_caller_goes_through_unchanged()
    {
        await using var f = await HandlerFixture.StartAsync();
        var put = new HttpRequestMessage(HttpMethod.Put, new Uri(f.Emulator.BaseAddress, "latest/api/token"));
        put.Headers.Add(ImdsProtocol.TokenTtlHeader, "120");

        using var response = await f.Http.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("120", Assert.Single(response.Headers.GetValues(ImdsProtocol.TokenTtlHeader)));
        Assert.Equal(1, f.Emulator.Counters.TokenRequests);
    }

    [Fact]
    public async Task Code_written_for_169_254_169_254_follows_the_configured_endpoint()
    {
        await using var f = await HandlerFixture.StartAsync();

        // The stand-in connection target is deliberately absent: only the handler's rewrite can reach the emulator.
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions
        {
            EnvironmentVariables = name => name == ImdsEnvironment.EndpointVariable ? f.Emulator.BaseAddress.ToString() : null,
        }));

        var answer = await http.GetStringAsync("http://169.254.169.254/latest/meta-data/placement/region");

        Assert.Equal(DefaultMetadata.Region, answer);
        Assert.Equal(1, f.Emulator.Counters.ForPath("/latest/meta-data/placement/region"));
        Assert.Equal(1, f.Emulator.Counters.AuthenticatedRequests);
    }
}

/// <summary>Sends a token-less request to 169.254.169.254, which a strict monitor running beside it would block.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class NoRedirectionTests
{
    [Fact]
    public async Task Without_redirection_the_well_known_address_is_not_rewritten()
    {
        await using var f = await HandlerFixture.StartAsync();
        using var http = new HttpClient(new ImdsTokenHandler(LoopbackHttp.Handler(), new ImdsTokenHandlerOptions
        {
            Endpoint = f.Emulator.BaseAddress,
            RedirectWellKnownEndpoints = false,
        }));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id"));

        Assert.Contains("loopback only", error.Message);
        Assert.Equal(0, f.Emulator.Counters.TokenRequests);
    }
}
