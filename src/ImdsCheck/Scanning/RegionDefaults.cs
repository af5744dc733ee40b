namespace ImdsCheck.Scanning;

/// <summary>The region's instance metadata defaults for new launches (GetInstanceMetadataDefaults).</summary>
public sealed record RegionDefaults(
    string HttpTokens,
    string HttpTokensEnforced,
    string HttpEndpoint,
    int? HopLimit,
    string InstanceMetadataTags,
    string? ManagedBy,
    string? ManagedExceptionMessage)
{
    public const string NoPreference = "no-preference";
}
