using System.Net;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Adds an IMDSv2 session token to every request bound for the EC2 instance metadata service and passes every
/// other request through untouched. One token is cached per endpoint and replaced shortly before it expires; a 401
/// answer makes the handler fetch a new token and send the request once more.
/// </summary>
public sealed class ImdsTokenHandler : DelegatingHandler
{
    private readonly ImdsTokenSource _source;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _sendInner;

    /// <summary>A handler that reads the endpoint from the environment; set <see cref="DelegatingHandler.InnerHandler"/> before use.</summary>
    public ImdsTokenHandler()
        : this(new ImdsTokenHandlerOptions())
    {
    }

    /// <exception cref="InvalidOperationException">The environment names an invalid endpoint or endpoint mode.</exception>
    public ImdsTokenHandler(ImdsTokenHandlerOptions options)
        : this(ImdsTokenSource.Create(options))
    {
    }

    /// <summary>A handler in front of <paramref name="innerHandler"/>, for <c>new HttpClient(new ImdsTokenHandler(new SocketsHttpHandler(), options))</c>.</summary>
    public ImdsTokenHandler(HttpMessageHandler innerHandler, ImdsTokenHandlerOptions? options = null)
        : this(ImdsTokenSource.Create(options ?? new ImdsTokenHandlerOptions()))
    {
        InnerHandler = innerHandler;
    }

    internal ImdsTokenHandler(ImdsTokenSource source)
    {
        _source = source;
        _sendInner = SendInnerAsync;
    }

    /// <summary>The metadata service this handler sends tokens to.</summary>
    public Uri Endpoint => _source.Endpoint;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !_source.Filter.IsMetadataEndpoint(uri))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendMetadataAsync(request, uri, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !_source.Filter.IsMetadataEndpoint(uri))
        {
            return base.Send(request, cancellationToken);
        }

        // The token fetch is shared with asynchronous callers, so a synchronous caller waits for it.
        return SendMetadataAsync(request, uri, cancellationToken).GetAwaiter().GetResult();
    }

    private async Task<HttpResponseMessage> SendMetadataAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        var kind = MetadataRequestFilter.Classify(uri.AbsolutePath);
        if (kind == MetadataRequestFilter.PathKind.Other)
        {
            // Other clouds' metadata paths on the same address are none of this handler's business.
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (_source.Disabled)
        {
            throw new ImdsDisabledException(uri);
        }

        request.RequestUri = _source.Retarget(uri);
        if (kind == MetadataRequestFilter.PathKind.Token || request.Headers.Contains(ImdsProtocol.TokenHeader))
        {
            // The caller manages its own token.
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Content is not null)
        {
            // A 401 makes the request go out twice; buffered content can be sent again.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var token = await _source.Cache.GetAsync(_sendInner, null, cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token expired early or the service forgot it (a restart, a stop and start): one fresh token, one retry.
        response.Dispose();
        token = await _source.Cache.GetAsync(_sendInner, token, cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(ImdsProtocol.TokenHeader);
        request.Headers.TryAddWithoutValidation(ImdsProtocol.TokenHeader, token);
    }
}
