namespace ImdsAnalyzers.Runtime;

/// <summary>Where the metadata service is, and whether it may be used, as the AWS SDKs read it from the environment.</summary>
/// <param name="Endpoint">The service's base address, always ending in a slash.</param>
/// <param name="Disabled">True when <c>AWS_EC2_METADATA_DISABLED</c> is <c>true</c>.</param>
/// <param name="Source">Which setting chose the endpoint, for messages.</param>
public sealed record ImdsEnvironment(Uri Endpoint, bool Disabled, string Source)
{
    public const string EndpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    public const string EndpointModeVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
    public const string DisabledVariable = "AWS_EC2_METADATA_DISABLED";

    /// <summary>
    /// Reads the settings the way the AWS SDKs do: an explicit endpoint wins over the endpoint mode
    /// (<c>IPv4</c>, the default, or <c>IPv6</c>, case-insensitive); the service is disabled only by <c>true</c>.
    /// </summary>
    /// <param name="getVariable">Reads a variable; the process environment when null.</param>
    /// <exception cref="InvalidOperationException">An endpoint that is no absolute http(s) URL, or an unknown mode.</exception>
    public static ImdsEnvironment Read(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var disabled = string.Equals(getVariable(DisabledVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        var endpoint = getVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            return new ImdsEnvironment(ParseEndpoint(endpoint.Trim(), EndpointVariable), disabled, EndpointVariable);
        }

        var mode = getVariable(EndpointModeVariable);
        if (string.IsNullOrWhiteSpace(mode) || string.Equals(mode.Trim(), "IPv4", StringComparison.OrdinalIgnoreCase))
        {
            return new ImdsEnvironment(ImdsProtocol.IPv4Endpoint, disabled, string.IsNullOrWhiteSpace(mode) ? "default" : EndpointModeVariable);
        }

        if (string.Equals(mode.Trim(), "IPv6", StringComparison.OrdinalIgnoreCase))
        {
            return new ImdsEnvironment(ImdsProtocol.IPv6Endpoint, disabled, EndpointModeVariable);
        }

        throw new InvalidOperationException($"{EndpointModeVariable}='{mode}' is not a metadata endpoint mode; use IPv4 or IPv6.");
    }

    internal static Uri ParseEndpoint(string value, string settingName)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{settingName}='{value}' is not an absolute http:// or https:// URL of the metadata service.");
        }

        // Requests are built relative to the endpoint, so it must name a directory.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }
}
