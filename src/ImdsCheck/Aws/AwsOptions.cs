namespace ImdsCheck.Aws;

/// <summary>The AWS conventions every command shares: where, as whom, and which endpoint.</summary>
internal sealed record AwsOptions(IReadOnlyList<string> Regions, bool AllRegions, string? Profile, string? EndpointUrl);
