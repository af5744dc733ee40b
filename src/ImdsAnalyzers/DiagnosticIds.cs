namespace ImdsAnalyzers
{
    /// <summary>
    /// Every rule ID the package reports. The IDs are a public contract: CI gates, suppressions
    /// and SARIF consumers outside this repository key on them, so an ID is never reused.
    /// </summary>
    public static class DiagnosticIds
    {
        public const string TokenlessMetadataRequest = "IMDS001";
        public const string MalformedTokenRequest = "IMDS002";
        public const string TokenlessMetadataCallInScript = "IMDS003";

        public const string LaunchWithoutRequiredTokens = "IMDS101";
        public const string TokenRequirementWeakened = "IMDS102";
        public const string ImageWithoutImdsV2Support = "IMDS104";

        public const string CdkLaunchWithoutRequiredTokens = "IMDS201";
    }
}
