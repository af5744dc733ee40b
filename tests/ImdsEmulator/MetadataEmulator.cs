using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ImdsEmulator;

/// <summary>An EC2 instance metadata service on the given addresses, with counters of what it answered.</summary>
public sealed class MetadataEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly TokenStore _tokens;
    private volatile TokenMode _mode;
    private int _disposed;

    private MetadataEmulator(WebApplication app, TokenStore tokens, TokenMode mode, IReadOnlyList<Uri> baseAddresses)
    {
        _app = app;
        _tokens = tokens;
        _mode = mode;
        BaseAddresses = baseAddresses;
    }

    /// <summary>The first listener, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => BaseAddresses[0];

    /// <summary>Every listener, in the order they were configured.</summary>
    public IReadOnlyList<Uri> BaseAddresses { get; private set; }

    public EmulatorCounters Counters { get; } = new();

    /// <summary>The instance's HttpTokens setting; changing it plays <c>ModifyInstanceMetadataOptions</c>.</summary>
    public TokenMode Tokens
    {
        get => _mode;
        set => _mode = value;
    }

    public static async Task<MetadataEmulator> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be 0..65535.");
        }

        if (options.MaxTokenTtl is { } cap && cap <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), cap, "MaxTokenTtl must be positive.");
        }

        var endpoints = new List<IPEndPoint> { new(options.Address, options.Port) };
        endpoints.AddRange(options.AdditionalEndpoints);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var listeners = new List<ListenOptions>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var endpoint in endpoints)
            {
                kestrel.Listen(endpoint, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listeners.Add(listen);
                });
            }
        });

        var app = builder.Build();
        var tokens = new TokenStore(options.TimeProvider);
        var emulator = new MetadataEmulator(app, tokens, options.Tokens, []);
        var metadata = new Dictionary<string, string>(options.Metadata, StringComparer.Ordinal);
        var service = new EmulatedService(emulator, metadata, tokens, options.Latency, options.MaxTokenTtl);
        app.Run(service.HandleAsync);

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Kestrel writes the bound endpoint (with the port it picked for port 0) back into each ListenOptions.
        emulator.BaseAddresses = listeners.Select(listen => ToUri(listen.IPEndPoint!)).ToArray();
        return emulator;
    }

    /// <summary>Forgets every issued token: later requests carrying them get 401, as after expiry.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    /// <summary>A URL such as <c>http://[fd00:ec2::254]:80</c>, with the port always written out.</summary>
    public static string Format(IPEndPoint endpoint) =>
        endpoint.AddressFamily == AddressFamily.InterNetworkV6
            ? $"http://[{endpoint.Address}]:{endpoint.Port}"
            : $"http://{endpoint.Address}:{endpoint.Port}";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _app.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Requests still in flight after the timeout are cut off; that is what a test tearing down wants.
            }
        }

        await _app.DisposeAsync();
    }

    private static Uri ToUri(IPEndPoint endpoint) => new(Format(endpoint) + "/");
}
