namespace ImdsAnalyzers.Runtime;

/// <summary>Names and limits of the EC2 instance metadata service protocol.</summary>
public static class ImdsProtocol
{
    /// <summary>The header that carries the session token on metadata requests.</summary>
    public const string TokenHeader = "X-aws-ec2-metadata-token";

    /// <summary>The header of the token PUT that asks for (and, in the answer, states) the token's lifetime.</summary>
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    public const string TokenPath = "/latest/api/token";

    public const int MaxTokenTtlSeconds = 21600;

    public static readonly Uri IPv4Endpoint = new("http://169.254.169.254/");

    public static readonly Uri IPv6Endpoint = new("http://[fd00:ec2::254]/");
}
