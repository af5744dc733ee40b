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

        return new EndpointSettings(
            FromEnvironment(environment, "AWS_ENDPOINT_URL_EC2"),
            FromEnvironment(environment, "AWS_ENDPOINT_URL_CLOUDWATCH"));
    }

    // The service's own variable, then the shared one; an error names the variable whose value was used.
    private static Uri? FromEnvironment(Func<string, string?> environment, string serviceVariable)
    {
        foreach (var name in new[] { serviceVariable, "AWS_ENDPOINT_URL" })
        {
            if (environment(name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return Parse(value, name);
            }
        }

        return null;
    }

    private static Uri Parse(string value, string source)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImdsCheckFailure($"{source} '{value}' is not an absolute http:// or https:// URL.");
        }

        return uri;
    }
}
