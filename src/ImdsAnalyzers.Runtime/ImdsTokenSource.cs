namespace ImdsAnalyzers.Runtime;

/// <summary>The resolved endpoint settings and the token cache that handlers for one client share.</summary>
internal sealed class ImdsTokenSource
{
    private ImdsTokenSource(ImdsTokenHandlerOptions options, ImdsEnvironment environment)
    {
        Endpoint = options.Endpoint is null ? environment.Endpoint : ImdsEnvironment.ParseEndpoint(options.Endpoint.OriginalString, nameof(options.Endpoint));
        Disabled = environment.Disabled;
        Filter = new MetadataRequestFilter(options.RedirectWellKnownEndpoints ? MetadataRequestFilter.WellKnownEndpoints.Prepend(Endpoint) : [Endpoint]);
        Cache = new ImdsTokenCache(Endpoint, options);
    }

    public Uri Endpoint { get; }

    public bool Disabled { get; }

    public MetadataRequestFilter Filter { get; }

    public ImdsTokenCache Cache { get; }

    public static ImdsTokenSource Create(ImdsTokenHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ImdsTokenSource(options, ImdsEnvironment.Read(options.EnvironmentVariables));
    }

    /// <summary>The request's URI on the configured endpoint (the same URI when it is already there).</summary>
    public Uri Retarget(Uri uri)
    {
        if (uri.Port == Endpoint.Port && string.Equals(uri.Host, Endpoint.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Scheme == Endpoint.Scheme)
        {
            return uri;
        }

        return new Uri(Endpoint, uri.PathAndQuery);
    }
}
