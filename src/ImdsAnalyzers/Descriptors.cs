using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers
{
    /// <summary>All diagnostic descriptors, so that IDs, severities and help links are reviewed in one place.</summary>
    public static class Descriptors
    {
        /// <summary>Rule pages live in the repository; the documentation test checks each link resolves to a file.</summary>
        public const string HelpLinkBase = "https://github.com/imds-analyzers/imds-analyzers/blob/main/docs/rules/";

        private const string SecurityCategory = "Security";

        public static readonly DiagnosticDescriptor TokenlessMetadataRequest = Create(
            DiagnosticIds.TokenlessMetadataRequest,
            "Instance metadata request without a session token (IMDSv1)",
            "'{0}' requests '{1}' from the instance metadata service without the 'X-aws-ec2-metadata-token' header; this is an IMDSv1 call, counted as MetadataNoToken and rejected with 401 once the instance requires tokens",
            DiagnosticSeverity.Warning,
            "A request to 169.254.169.254 or fd00:ec2::254 that carries no session token is an IMDSv1 call. CloudWatch counts it as MetadataNoToken while the instance allows it and as MetadataNoTokenRejected (HTTP 401) once HttpTokens=required. Fetch a token with PUT /latest/api/token and send it in the X-aws-ec2-metadata-token header.");

        public static readonly DiagnosticDescriptor MalformedTokenRequest = Create(
            DiagnosticIds.MalformedTokenRequest,
            "Malformed IMDSv2 token request",
            "The token request to '{0}' is malformed: {1}",
            DiagnosticSeverity.Warning,
            "The instance metadata service issues a session token only for PUT /latest/api/token with an X-aws-ec2-metadata-token-ttl-seconds header between 1 and 21600 and without X-Forwarded-For. Any other token request fails, and code that falls back to token-less calls keeps making IMDSv1 calls.");

        public static readonly DiagnosticDescriptor TokenlessMetadataCallInScript = Create(
            DiagnosticIds.TokenlessMetadataCallInScript,
            "Script calls the instance metadata service without a token",
            "'{0}' in this script calls the instance metadata service without the 'X-aws-ec2-metadata-token' header; this IMDSv1 call is counted as MetadataNoToken and fails with 401 once the instance requires tokens",
            DiagnosticSeverity.Warning,
            "User data, SSM commands and CDK UserData held in C# strings run on the instance. A curl, wget, Invoke-RestMethod or Invoke-WebRequest call to the metadata service without the X-aws-ec2-metadata-token header is an IMDSv1 call: CloudWatch counts it as MetadataNoToken while the instance allows it and as MetadataNoTokenRejected (HTTP 401) once HttpTokens=required. Fetch a token with PUT /latest/api/token and send it with every call.");

        public static readonly DiagnosticDescriptor LaunchWithoutRequiredTokens = Create(
            DiagnosticIds.LaunchWithoutRequiredTokens,
            "EC2 launch settings do not require IMDSv2",
            "'{0}' is created without MetadataOptions.HttpTokens = required; instances launched with it accept IMDSv1 calls unless a region default enforces tokens",
            DiagnosticSeverity.Warning,
            "Every launch decides its own metadata options. Without HttpTokens = required, the instance accepts token-less calls unless the region's instance metadata defaults require and enforce tokens.");

        public static readonly DiagnosticDescriptor TokenRequirementWeakened = Create(
            DiagnosticIds.TokenRequirementWeakened,
            "IMDSv2 token requirement explicitly weakened",
            "'{0}' is set to '{1}', which lets instances accept token-less (IMDSv1) calls",
            DiagnosticSeverity.Warning,
            "Setting HttpTokens to optional (or the region default to optional or no-preference, or HttpTokensEnforced to disabled) turns IMDSv1 back on. Use required.");

        public static readonly DiagnosticDescriptor ImageWithoutImdsV2Support = Create(
            DiagnosticIds.ImageWithoutImdsV2Support,
            "AMI registered without ImdsSupport = v2.0",
            "'{0}' registers an AMI without ImdsSupport = v2.0; instances launched from it accept IMDSv1 calls by default",
            DiagnosticSeverity.Info,
            "Instances launched from an AMI registered with ImdsSupport = v2.0 require session tokens by default. The setting cannot be undone on the AMI, so it is offered as information.");

        public static readonly DiagnosticDescriptor CdkLaunchWithoutRequiredTokens = Create(
            DiagnosticIds.CdkLaunchWithoutRequiredTokens,
            "AWS CDK construct launches instances without requiring IMDSv2",
            "'{0}' launches instances that accept IMDSv1 calls; set RequireImdsv2 = true",
            DiagnosticSeverity.Warning,
            "CDK constructs that launch EC2 instances require session tokens only when RequireImdsv2 is true or one of the RequireImdsv2 aspects is applied.",
            // Reported when the whole compilation has been seen: an aspect applied in another file covers the construct.
            WellKnownDiagnosticTags.CompilationEnd);

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] customTags) =>
            new DiagnosticDescriptor(id, title, message, SecurityCategory, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id), customTags: customTags);
    }
}
