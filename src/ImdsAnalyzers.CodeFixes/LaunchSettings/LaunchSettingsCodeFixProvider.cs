using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ImdsAnalyzers.CodeFixes.LaunchSettings
{
    /// <summary>
    /// Fixes for the rules of <c>LaunchSettingsAnalyzer</c> (IMDS101, IMDS102, IMDS104). One provider
    /// with one equivalence key: <c>dotnet format analyzers</c> asks a fixer for an action using the
    /// first diagnostic of the analyzer, whichever of its rules that is, and then fixes all of the
    /// requested rule with that action's key; with separate keys per rule, that would find nothing.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LaunchSettingsCodeFixProvider))]
    [Shared]
    public sealed class LaunchSettingsCodeFixProvider : CodeFixProvider
    {
        internal const string EquivalenceKey = "ImdsAnalyzers.LaunchSettings.RequireTokens";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.LaunchWithoutRequiredTokens,
            DiagnosticIds.TokenRequirementWeakened,
            DiagnosticIds.ImageWithoutImdsV2Support);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                switch (diagnostic.Id)
                {
                    case DiagnosticIds.LaunchWithoutRequiredTokens:
                        await RequireTokensFix.RegisterAsync(context, diagnostic).ConfigureAwait(false);
                        break;
                    case DiagnosticIds.TokenRequirementWeakened:
                        await WeakTokenValueFix.RegisterAsync(context, diagnostic).ConfigureAwait(false);
                        break;
                    case DiagnosticIds.ImageWithoutImdsV2Support:
                        await ImdsSupportFix.RegisterAsync(context, diagnostic).ConfigureAwait(false);
                        break;
                }
            }
        }
    }
}
