using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// IMDS001: routes a token-less metadata request through a small helper that fetches an
    /// IMDSv2 session token (PUT /latest/api/token), caches it, and sends it with the request.
    /// Where the project uses AWSSDK.Core 4.x, reading the value with EC2InstanceMetadata is
    /// offered as well.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenlessRequestCodeFixProvider)), Shared]
    public sealed class TokenlessRequestCodeFixProvider : CodeFixProvider
    {
        internal const string HelperEquivalenceKey = "IMDS001.SessionTokenHelper";
        internal const string HelperTitle = "Send an IMDSv2 session token with this request";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TokenlessMetadataRequest);

        // Batch merging would add the helper file once per fixed document; this provider adds it once per project.
        public override FixAllProvider GetFixAllProvider() => TokenlessRequestFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            // What the helper can use depends on the compilation and the file, not on the diagnostic.
            if (SessionTokenHelperDocument.GetCapabilities(model.Compilation, root.SyntaxTree) is not { } caps)
            {
                return;
            }

            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                var invocation = FindInvocation(root, diagnostic);
                if (invocation is null)
                {
                    continue;
                }

                var kind = TokenlessRequestRewriter.Classify(invocation, model, caps, context.CancellationToken);
                if (kind != RewriteKind.None)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(HelperTitle, ct => FixAsync(document, invocation, kind, null, caps, ct), HelperEquivalenceKey),
                        diagnostic);
                }

                var sdkRewrite = AwsSdkMetadataRewriter.TryCreate(invocation, model, diagnostic, context.CancellationToken);
                if (sdkRewrite is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(AwsSdkMetadataRewriter.Title, ct => FixAsync(document, invocation, RewriteKind.None, sdkRewrite, caps, ct), AwsSdkMetadataRewriter.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        internal static InvocationExpressionSyntax? FindInvocation(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();

        private static Task<Solution> FixAsync(Document document, InvocationExpressionSyntax invocation, RewriteKind kind, SdkRewrite? sdk, HelperCapabilities capabilities, CancellationToken cancellationToken)
        {
            var plan = new TokenlessRequestFixAllProvider.DocumentPlan(document, capabilities);
            plan.Rewrites.Add(new TokenlessRequestFixAllProvider.PlannedRewrite(invocation.Span, kind, sdk));
            return TokenlessRequestFixAllProvider.ApplyAsync(document.Project.Solution, document.Project, new[] { plan }, useSdk: sdk is not null, capabilities, cancellationToken);
        }
    }
}
