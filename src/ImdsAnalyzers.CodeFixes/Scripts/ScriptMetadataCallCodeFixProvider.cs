using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>
    /// IMDS003 fix: rewrites the script line to the IMDSv2 form, fetching a session token once per
    /// script and sending it with the call. Fix All goes through the same per-document planner, so a
    /// script with several calls gets exactly one token fetch however many of them are fixed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScriptMetadataCallCodeFixProvider))]
    [Shared]
    public sealed class ScriptMetadataCallCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "IMDS003.SendSessionTokenFromScript";

        private const string Title = "Fetch an IMDSv2 session token in the script and send it with this call";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TokenlessMetadataCallInScript);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var locator = new ScriptDiagnosticLocator(root, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                // Offer only what can be done: a call the planner has to leave alone gets no empty action.
                if (locator.TryLocate(diagnostic, context.CancellationToken, out var script, out var index)
                    && ScriptTokenPlanner.Plan(script, new[] { index }) is { } edit)
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, ct => ApplyAsync(document, new[] { edit }, ct), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var locator = new ScriptDiagnosticLocator(root, model);
            var scripts = new Dictionary<AnalyzedScript, List<int>>();
            foreach (var diagnostic in diagnostics)
            {
                if (locator.TryLocate(diagnostic, cancellationToken, out var script, out var index))
                {
                    if (!scripts.TryGetValue(script, out var indices))
                    {
                        indices = new List<int>();
                        scripts.Add(script, indices);
                    }

                    indices.Add(index);
                }
            }

            var edits = new List<ScriptEdit>();
            foreach (var pair in scripts.OrderBy(s => s.Key.Source.Span.Start))
            {
                if (ScriptTokenPlanner.Plan(pair.Key, pair.Value) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            return await ApplyAsync(document, edits, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Applies edits planned on this document's scripts; the document as it was when none applies.</summary>
        private static async Task<Document> ApplyAsync(Document document, IEnumerable<ScriptEdit> edits, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.SyntaxTree.Options is not CSharpParseOptions options)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var changed = false;
            foreach (var edit in edits)
            {
                changed |= ScriptEditApplier.TryApply(editor, edit, options);
            }

            return changed ? editor.GetChangedDocument() : document;
        }
    }
}
