using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers
{
    /// <summary>
    /// <c>imds_analyzers.region_enforces_imdsv2 = true</c> in .editorconfig: the team requires and enforces
    /// IMDSv2 through the region's instance metadata defaults or an organisation policy, so launches that
    /// leave HttpTokens unset still get tokens required (IMDS101, IMDS201 off). Code that explicitly asks
    /// for optional tokens is still reported (IMDS102).
    /// </summary>
    internal static class RegionEnforcementOption
    {
        public const string Key = "imds_analyzers.region_enforces_imdsv2";

        public static bool IsSet(AnalyzerOptions options, SyntaxTree tree) =>
            options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(Key, out var value)
            && bool.TryParse(value.Trim(), out var enabled)
            && enabled;
    }
}
