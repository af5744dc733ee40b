using System.Net;

namespace ImdsEmulator;

public sealed class EmulatorOptions
{
    /// <summary>The address of the first listener.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port of the first listener; 0 picks a free one (see <see cref="MetadataEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>More listeners, for example the IPv6 endpoint beside the IPv4 one.</summary>
    public IList<IPEndPoint> AdditionalEndpoints { get; } = new List<IPEndPoint>();

    public TokenMode Tokens { get; set; } = TokenMode.Required;

    /// <summary>A delay before every response, to play a slow metadata service.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Caps the lifetime of issued tokens, whatever TTL the client asked for, so that tests can see tokens
    /// expire quickly. The response's TTL header then carries the capped value.
    /// </summary>
    public TimeSpan? MaxTokenTtl { get; set; }

    /// <summary>The clock that token expiry is measured with; tests pass a <see cref="ManualTimeProvider"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Metadata values by path below the version segment, such as <c>meta-data/instance-id</c>, <c>user-data</c>
    /// or <c>dynamic/instance-identity/document</c>. Starts with the defaults of <see cref="DefaultMetadata"/>;
    /// set, replace or remove entries. Directory listings are derived from the keys.
    /// </summary>
    public IDictionary<string, string> Metadata { get; } = DefaultMetadata.Create();
}
