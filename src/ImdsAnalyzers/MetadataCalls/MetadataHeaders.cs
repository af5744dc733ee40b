namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>Header names and limits of the IMDSv2 session protocol. Names compare case-insensitively.</summary>
    internal static class MetadataHeaders
    {
        public const string Token = "X-aws-ec2-metadata-token";
        public const string TokenTtlSeconds = "X-aws-ec2-metadata-token-ttl-seconds";
        public const string ForwardedFor = "X-Forwarded-For";

        public const int MinTtlSeconds = 1;
        public const int MaxTtlSeconds = 21600;
        public const string DefaultTtlSecondsText = "21600";

        public static bool IsToken(string? name) => Is(name, Token);

        public static bool IsTokenTtl(string? name) => Is(name, TokenTtlSeconds);

        public static bool IsForwardedFor(string? name) => Is(name, ForwardedFor);

        public static bool IsValidTtl(int seconds) => seconds >= MinTtlSeconds && seconds <= MaxTtlSeconds;

        private static bool Is(string? name, string expected) =>
            name != null && string.Equals(name.Trim(), expected, System.StringComparison.OrdinalIgnoreCase);
    }
}
