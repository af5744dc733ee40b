using System.Net;

namespace ImdsEmulator.Tests;

public sealed class ListenerTests
{
    [Fact]
    public async Task Port_zero_binds_a_free_port_and_reports_it()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri);
    }

    [IPv6LoopbackFact]
    public async Task Additional_endpoints_serve_the_same_instance()
    {
        var options = new EmulatorOptions { Tokens = TokenMode.Optional };
        options.AdditionalEndpoints.Add(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await using var emulator = await MetadataEmulator.StartAsync(options);

        Assert.Equal(2, emulator.BaseAddresses.Count);
        Assert.Equal("[::1]", emulator.BaseAddresses[1].Host);
        foreach (var address in emulator.BaseAddresses)
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync("latest/meta-data/instance-id"));
        }

        Assert.Equal(2, emulator.Counters.TokenlessAccepted);
    }

    [Fact]
    public async Task Latency_makes_a_client_with_a_shorter_timeout_give_up()
    {
        await using var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromSeconds(5), Tokens = TokenMode.Optional });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetStringAsync("latest/meta-data/instance-id"));
    }

    [Fact]
    public async Task A_port_in_use_fails_start_with_an_exception()
    {
        await using var first = await MetadataEmulator.StartAsync(new EmulatorOptions());

        var error = await Record.ExceptionAsync(() => MetadataEmulator.StartAsync(new EmulatorOptions { Port = first.BaseAddress.Port }));

        Assert.IsType<IOException>(error);
    }

    [Fact]
    public async Task Dispose_twice_is_harmless()
    {
        var emulator = await MetadataEmulator.StartAsync(new EmulatorOptions());
        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
    }
}
