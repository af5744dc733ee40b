using ImdsAnalyzers.Runtime.Tests.Support;
using ImdsEmulator;

namespace ImdsAnalyzers.Runtime.Tests.Handler;

/// <summary>An emulator that requires tokens and a client whose handler sends them, sharing one manual clock.</summary>
internal sealed class HandlerFixture : IAsyncDisposable
{
    private HandlerFixture(MetadataEmulator emulator, ManualTimeProvider clock, HttpClient http, ImdsTokenHandler handler)
    {
        Emulator = emulator;
        Clock = clock;
        Http = http;
        Handler = handler;
    }

    public MetadataEmulator Emulator { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public ImdsTokenHandler Handler { get; }

    public Uri InstanceIdUri => new(Emulator.BaseAddress, "latest/meta-data/instance-id");

    public static async Task<HandlerFixture> StartAsync(Action<EmulatorOptions>? emulator = null, Action<ImdsTokenHandlerOptions>? handler = null, TimeSpan? clientTimeout = null)
    {
        var clock = new ManualTimeProvider();
        var emulatorOptions = new EmulatorOptions { Tokens = TokenMode.Required, TimeProvider = clock };
        emulator?.Invoke(emulatorOptions);
        var imds = await MetadataEmulator.StartAsync(emulatorOptions);

        var handlerOptions = new ImdsTokenHandlerOptions { Endpoint = imds.BaseAddress, TimeProvider = clock, EnvironmentVariables = _ => null };
        handler?.Invoke(handlerOptions);
        var tokens = new ImdsTokenHandler(LoopbackHttp.Handler(imds.BaseAddress), handlerOptions);
        return new HandlerFixture(imds, clock, LoopbackHttp.Client(tokens, clientTimeout), tokens);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
