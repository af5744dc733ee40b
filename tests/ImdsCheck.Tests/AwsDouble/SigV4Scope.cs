namespace ImdsCheck.Tests.AwsDouble;

/// <summary>
/// The credential scope of a SigV4 Authorization header:
/// "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/monitoring/aws4_request, SignedHeaders=..., Signature=...".
/// The region and service in it are how the double (like LocalStack) tells regions apart on one URL.
/// </summary>
public sealed record SigV4Scope(string AccessKeyId, string Date, string Region, string Service)
{
    public static SigV4Scope? Parse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return null;
        }

        const string marker = "Credential=";
        var start = authorization.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = authorization.IndexOf(',', start);
        var credential = (end < 0 ? authorization[start..] : authorization[start..end]).Trim();
        var parts = credential.Split('/');
        return parts.Length == 5 && parts[4] == "aws4_request" && authorization.Contains("Signature=", StringComparison.Ordinal)
            ? new SigV4Scope(parts[0], parts[1], parts[2], parts[3])
            : null;
    }
}
