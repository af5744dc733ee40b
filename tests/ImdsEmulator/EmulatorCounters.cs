using System.Collections.Concurrent;

namespace ImdsEmulator;

/// <summary>What the emulator has answered, updated as requests arrive; safe to read from any thread.</summary>
public sealed class EmulatorCounters
{
    private long _tokenRequests;
    private long _tokenRequestsRejected;
    private long _tokenlessAccepted;
    private long _tokenlessRejected;
    private long _authenticatedRequests;
    private long _invalidTokenRejected;
    private readonly ConcurrentDictionary<string, long> _paths = new(StringComparer.Ordinal);

    /// <summary>Every request to the token path with PUT, granted or not.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Token PUTs answered 400 or 403.</summary>
    public long TokenRequestsRejected => Interlocked.Read(ref _tokenRequestsRejected);

    /// <summary>Token-less metadata requests that were served: what CloudWatch counts as <c>MetadataNoToken</c>.</summary>
    public long TokenlessAccepted => Interlocked.Read(ref _tokenlessAccepted);

    /// <summary>Token-less metadata requests answered 401: what CloudWatch counts as <c>MetadataNoTokenRejected</c>.</summary>
    public long TokenlessRejected => Interlocked.Read(ref _tokenlessRejected);

    /// <summary>Metadata requests that carried a valid token.</summary>
    public long AuthenticatedRequests => Interlocked.Read(ref _authenticatedRequests);

    /// <summary>Metadata requests whose token was unknown, expired or revoked (answered 401).</summary>
    public long InvalidTokenRejected => Interlocked.Read(ref _invalidTokenRejected);

    /// <summary>The number of requests by path (query left out), whatever their method or answer.</summary>
    public long ForPath(string path) => _paths.TryGetValue(path, out var count) ? count : 0;

    public EmulatorCounterSnapshot Snapshot() => new(
        TokenRequests,
        TokenRequestsRejected,
        TokenlessAccepted,
        TokenlessRejected,
        AuthenticatedRequests,
        InvalidTokenRejected,
        new SortedDictionary<string, long>(_paths, StringComparer.Ordinal));

    internal void CountPath(string path) => _paths.AddOrUpdate(path, 1, static (_, count) => count + 1);

    internal void TokenRequested() => Interlocked.Increment(ref _tokenRequests);

    internal void TokenRequestRejected() => Interlocked.Increment(ref _tokenRequestsRejected);

    internal void TokenlessServed() => Interlocked.Increment(ref _tokenlessAccepted);

    internal void TokenlessRefused() => Interlocked.Increment(ref _tokenlessRejected);

    internal void Authenticated() => Interlocked.Increment(ref _authenticatedRequests);

    internal void InvalidTokenRefused() => Interlocked.Increment(ref _invalidTokenRejected);
}
