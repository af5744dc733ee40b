namespace ImdsAnalyzers.Runtime;

public sealed class ImdsTokenHandlerOptions
{
    /// <summary>
    /// The metadata service to use. When null (the default) it comes from the environment as the AWS SDKs read it:
    /// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>, else <c>AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE</c>, else IPv4.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// When true (the default), requests written for the well-known endpoints (169.254.169.254, [fd00:ec2::254])
    /// go to <see cref="Endpoint"/> instead, when that is elsewhere, so that code follows the environment's choice as
    /// the SDKs do.
    /// </summary>
    public bool RedirectWellKnownEndpoints { get; set; } = true;

    /// <summary>The lifetime asked for in the token PUT, 1 second to 6 hours. Default 6 hours.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromSeconds(ImdsProtocol.MaxTokenTtlSeconds);

    /// <summary>How long before expiry a token is replaced; at most a quarter of its lifetime is used. Default 1 minute.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the token PUT may take. Default 2 seconds.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for token expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Reads environment variables; the process environment when null. Tests set it.</summary>
    public Func<string, string?>? EnvironmentVariables { get; set; }

    internal void Validate()
    {
        if (TokenTtl < TimeSpan.FromSeconds(1) || TokenTtl > TimeSpan.FromSeconds(ImdsProtocol.MaxTokenTtlSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(TokenTtl), TokenTtl, $"The token lifetime must be 1 to {ImdsProtocol.MaxTokenTtlSeconds} seconds.");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshBeforeExpiry), RefreshBeforeExpiry, "Must not be negative.");
        }

        if (TokenRequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRequestTimeout), TokenRequestTimeout, "Must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
