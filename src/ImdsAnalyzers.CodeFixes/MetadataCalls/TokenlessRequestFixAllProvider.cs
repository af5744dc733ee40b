using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>
    /// Fix All for IMDS001. The batch fixer merges text changes per document and would add the
    /// helper class once for every fixed document; this provider rewrites every call first and
    /// then adds the helper once to each project that needs it.
    /// </summary>
    internal sealed class TokenlessRequestFixAllProvider : FixAllProvider
    {
        public static readonly TokenlessRequestFixAllProvider Instance = new TokenlessRequestFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var key = fixAllContext.CodeActionEquivalenceKey;
            if (key != TokenlessRequestCodeFixProvider.HelperEquivalenceKey && key != AwsSdkMetadataRewriter.EquivalenceKey)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            var title = key == AwsSdkMetadataRewriter.EquivalenceKey ? AwsSdkMetadataRewriter.Title : TokenlessRequestCodeFixProvider.HelperTitle;
            return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAllAsync(fixAllContext, ct), key));
        }

        private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var useSdk = context.CodeActionEquivalenceKey == AwsSdkMetadataRewriter.EquivalenceKey;
            var solution = context.Solution;
            foreach (var project in ProjectsInScope(context))
            {
                HelperCapabilities? needsHelper = null;
                var changedDocuments = new List<DocumentId>();
                foreach (var document in DocumentsInScope(context, project))
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (diagnostics.IsEmpty)
                    {
                        continue;
                    }

                    var current = solution.GetDocument(document.Id)!;
                    var (changed, capabilities) = await FixDocumentAsync(current, diagnostics, useSdk, cancellationToken).ConfigureAwait(false);
                    solution = changed.Project.Solution;
                    changedDocuments.Add(changed.Id);
                    needsHelper ??= capabilities;
                }

                if (needsHelper is not null)
                {
                    solution = await SessionTokenHelperDocument.EnsureAsync(solution.GetProject(project.Id)!, needsHelper.Value, cancellationToken).ConfigureAwait(false);
                }

                foreach (var id in changedDocuments)
                {
                    solution = await SessionTokenHelperDocument.AddImportsAsync(solution, id, cancellationToken).ConfigureAwait(false);
                }
            }

            return solution;
        }

        private static async Task<(Document Document, HelperCapabilities? Capabilities)> FixDocumentAsync(
            Document document, ImmutableArray<Diagnostic> diagnostics, bool useSdk, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var model = editor.SemanticModel;
            var root = editor.OriginalRoot;
            var capabilities = SessionTokenHelperDocument.GetCapabilities(model.Compilation, root.SyntaxTree);
            HelperCapabilities? used = null;
            foreach (var diagnostic in diagnostics)
            {
                var invocation = TokenlessRequestCodeFixProvider.FindInvocation(root, diagnostic);
                if (invocation is null)
                {
                    continue;
                }

                if (useSdk)
                {
                    var rewrite = AwsSdkMetadataRewriter.TryCreate(invocation, model, diagnostic, cancellationToken);
                    if (rewrite is not null)
                    {
                        AwsSdkMetadataRewriter.Rewrite(editor, invocation, rewrite);
                    }

                    continue;
                }

                if (capabilities is null)
                {
                    continue;
                }

                var kind = TokenlessRequestRewriter.Classify(invocation, model, capabilities.Value, cancellationToken);
                if (kind != RewriteKind.None)
                {
                    TokenlessRequestRewriter.Rewrite(editor, invocation, kind);
                    used = capabilities;
                }
            }

            return (editor.GetChangedDocument(), used);
        }

        private static IEnumerable<Project> ProjectsInScope(FixAllContext context) =>
            context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };

        private static IEnumerable<Document> DocumentsInScope(FixAllContext context, Project project) =>
            context.Scope == FixAllScope.Document && context.Document is not null ? new[] { context.Document } : project.Documents;
    }
}
