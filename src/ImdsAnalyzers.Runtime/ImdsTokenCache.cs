using System.Globalization;
using System.Net;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// One session token for one metadata endpoint, shared by every handler that sends there: fetched once, replaced
/// shortly before it expires, and never fetched by two requests at once however many wait for it.
/// </summary>
internal sealed class ImdsTokenCache
{
    private readonly object _gate = new();
    private readonly Uri _tokenUri;
    private readonly int _ttlSeconds;
    private readonly TimeSpan _refreshBeforeExpiry;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private volatile CachedToken? _current;
    private Task<CachedToken>? _fetch;

    public ImdsTokenCache(Uri endpoint, ImdsTokenHandlerOptions options)
    {
        _tokenUri = new Uri(endpoint, ImdsProtocol.TokenPath);
        _ttlSeconds = (int)Math.Ceiling(options.TokenTtl.TotalSeconds);
        _refreshBeforeExpiry = options.RefreshBeforeExpiry;
        _timeout = options.TokenRequestTimeout;
        _clock = options.TimeProvider;
    }

    /// <summary>
    /// A token that is not about to expire. <paramref name="rejected"/> names a token the service just answered 401
    /// to: it is not handed out again, though a newer one fetched meanwhile is.
    /// </summary>
    public async ValueTask<string> GetAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, string? rejected, CancellationToken cancellationToken)
    {
        var current = _current;
        if (IsUsable(current, rejected))
        {
            return current!.Value;
        }

        Task<CachedToken> fetch;
        TaskCompletionSource<CachedToken>? mine = null;
        lock (_gate)
        {
            current = _current;
            if (IsUsable(current, rejected))
            {
                return current!.Value;
            }

            if (_fetch is null)
            {
                mine = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _fetch = mine.Task;
            }

            fetch = _fetch;
        }

        if (mine is not null)
        {
            // Started outside the lock; the fetch is not tied to this caller's cancellation because others wait on it.
            _ = FetchAsync(send, mine);
        }

        var token = await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    private bool IsUsable(CachedToken? token, string? rejected) =>
        token is not null && _clock.GetUtcNow() < token.RefreshAt && !string.Equals(token.Value, rejected, StringComparison.Ordinal);

    private async Task FetchAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, TaskCompletionSource<CachedToken> completion)
    {
        try
        {
            var token = await RequestTokenAsync(send).ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _fetch = null;
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _fetch = null;
            }

            completion.SetException(ex);
        }
    }

    private async Task<CachedToken> RequestTokenAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    {
        var requestedAt = _clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Put, _tokenUri);
        request.Headers.TryAddWithoutValidation(ImdsProtocol.TokenTtlHeader, _ttlSeconds.ToString(CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(_timeout);

        HttpResponseMessage response;
        try
        {
            response = await send(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new ImdsTokenException($"The metadata session token request (PUT {_tokenUri}) took longer than {_timeout.TotalSeconds:0.###} s.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ImdsTokenException($"The metadata session token request (PUT {_tokenUri}) failed: {ex.Message}", ex.StatusCode, ex);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new ImdsTokenException(
                    $"The metadata service answered the session token request (PUT {_tokenUri}) with {(int)response.StatusCode} {response.ReasonPhrase}.",
                    response.StatusCode);
            }

            var value = (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)).Trim();
            if (value.Length == 0)
            {
                throw new ImdsTokenException($"The metadata service answered the session token request (PUT {_tokenUri}) with an empty token.", response.StatusCode);
            }

            var ttl = TimeSpan.FromSeconds(GrantedSeconds(response) ?? _ttlSeconds);
            var margin = _refreshBeforeExpiry < ttl / 4 ? _refreshBeforeExpiry : ttl / 4;
            return new CachedToken(value, requestedAt + ttl - margin);
        }
    }

    // The service states the lifetime it granted; a shorter one than asked for is believed, a longer one is not.
    private int? GrantedSeconds(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ImdsProtocol.TokenTtlHeader, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 1 && seconds <= _ttlSeconds
            ? seconds
            : null;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
