namespace ImdsCheck.Aws;

/// <summary>
/// Endpoint overrides: --endpoint-url sends both services to one URL (as LocalStack users expect);
/// otherwise AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_CLOUDWATCH, then AWS_ENDPOINT_URL.
/// </summary>
internal sealed record EndpointSettings(Uri? Ec2, Uri? CloudWatch)
{
    public static EndpointSettings Resolve(string? endpointUrl, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(endpointUrl))
        {
            var both = Parse(endpointUrl, "--endpoint-url");
            return new EndpointSettings(both, both);
        }

        var shared = environment("AWS_ENDPOINT_URL");
        var ec2 = FirstNonEmpty(environment("AWS_ENDPOINT_URL_EC2"), shared);
        var cloudWatch = FirstNonEmpty(environment("AWS_ENDPOINT_URL_CLOUDWATCH"), shared);
        return new EndpointSettings(
            ec2 is null ? null : Parse(ec2, environment("AWS_ENDPOINT_URL_EC2") is { Length: > 0 } ? "AWS_ENDPOINT_URL_EC2" : "AWS_ENDPOINT_URL"),
            cloudWatch is null ? null : Parse(cloudWatch, environment("AWS_ENDPOINT_URL_CLOUDWATCH") is { Length: > 0 } ? "AWS_ENDPOINT_URL_CLOUDWATCH" : "AWS_ENDPOINT_URL"));
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;

    private static Uri Parse(string value, string source)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImdsCheckFailure($"{source} '{value}' is not an absolute http:// or https:// URL.");
        }

        return uri;
    }
}
