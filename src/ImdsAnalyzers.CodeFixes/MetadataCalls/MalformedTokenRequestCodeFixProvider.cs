using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>IMDS002: turns a malformed token request into a PUT to /latest/api/token with a valid TTL and no X-Forwarded-For.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MalformedTokenRequestCodeFixProvider))]
    public sealed class MalformedTokenRequestCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "IMDS002.MakeValidTokenRequest";

        private const string Title = "Send a PUT token request with a valid TTL";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MalformedTokenRequest);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(TokenRequestFix.TryApplyAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax send)
                    || TokenRequestFix.TryPlan(model, send, context.CancellationToken) is not { } fix)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => fix.ApplyAsync(document, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
