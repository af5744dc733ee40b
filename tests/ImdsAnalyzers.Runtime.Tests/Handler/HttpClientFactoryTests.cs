using ImdsEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

public sealed class HttpClientFactoryTests
{
    [Fact]
    public async Task AddImdsTokens_sends_tokens_through_a_named_client()
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        var services = new ServiceCollection();
        services.AddHttpClient("imds", client => client.BaseAddress = imds.BaseAddress)
            .AddImdsTokens(options => options.Endpoint = imds.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("imds");

        Assert.Equal(DefaultMetadata.InstanceType, await http.GetStringAsync("latest/meta-data/instance-type"));
        Assert.Equal(1, imds.Counters.AuthenticatedRequests);
    }

    [Fact]
    public async Task The_token_survives_handler_rotation()
    {
        await using var imds = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        var builds = 0;
        var services = new ServiceCollection();
        services.AddHttpClient("imds", client => client.BaseAddress = imds.BaseAddress)
            .AddImdsTokens(options => options.Endpoint = imds.BaseAddress)
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref builds);
                return new PassThrough();
            })
            .SetHandlerLifetime(TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        await factory.CreateClient("imds").GetStringAsync("latest/meta-data/instance-id");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Volatile.Read(ref builds) < 2 && DateTime.UtcNow < deadline)
        {
            // The factory replaces a handler only when a client is created after the handler's lifetime ran out.
            await Task.Delay(250);
            await factory.CreateClient("imds").GetStringAsync("latest/meta-data/instance-id");
        }

        Assert.True(builds >= 2, "The factory never built a second handler.");
        Assert.Equal(1, imds.Counters.TokenRequests);
    }

    [Fact]
    public async Task Two_named_clients_keep_separate_settings()
    {
        await using var first = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        await using var second = await MetadataEmulator.StartAsync(new EmulatorOptions { Tokens = TokenMode.Required });
        var services = new ServiceCollection();
        services.AddHttpClient("first", c => c.BaseAddress = first.BaseAddress).AddImdsTokens(o => o.Endpoint = first.BaseAddress);
        services.AddHttpClient("second", c => c.BaseAddress = second.BaseAddress).AddImdsTokens(o => o.Endpoint = second.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        await factory.CreateClient("first").GetStringAsync("latest/meta-data/instance-id");
        await factory.CreateClient("second").GetStringAsync("latest/meta-data/instance-id");

        Assert.Equal(1, first.Counters.TokenRequests);
        Assert.Equal(1, second.Counters.TokenRequests);
    }

    private sealed class PassThrough : DelegatingHandler;
}
