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
    /// Fix All for IMDS001. The batch fixer merges the changes of single fixes and would add the
    /// helper class once for every fixed document; this provider rewrites every call first and
    /// then adds the helper once to each project that needs it, in the first file it fixed.
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
                // First decide every rewrite against the unchanged project.
                var plans = new List<DocumentPlan>();
                HelperCapabilities? capabilities = null;
                foreach (var document in DocumentsInScope(context, project))
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (diagnostics.IsEmpty)
                    {
                        continue;
                    }

                    var plan = await PlanAsync(document, diagnostics, useSdk, cancellationToken).ConfigureAwait(false);
                    if (plan.Rewrites.Count > 0)
                    {
                        plans.Add(plan);
                        capabilities ??= plan.Capabilities;
                    }
                }

                if (plans.Count == 0)
                {
                    continue;
                }

                solution = await ApplyAsync(solution, project, plans, useSdk, capabilities, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        /// <summary>
        /// Adds the helper once (unless the fix uses the AWS SDK, or the project already has one) and applies the planned
        /// rewrites of one project. The single fixes run through here too, with one plan of one rewrite.
        /// </summary>
        internal static async Task<Solution> ApplyAsync(Solution solution, Project project, IReadOnlyList<DocumentPlan> plans, bool useSdk, HelperCapabilities? capabilities, CancellationToken cancellationToken)
        {
            // The helper goes at the end of the first fixed file, before any rewrite: the calls keep their spans, and the
            // rewrites keep the annotations that let the cleanup simplify them. Every call names it as it is named there.
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var existing = compilation is null ? null : SessionTokenHelperDocument.FindExisting(compilation);
            var hostRoot = await plans[0].Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var helperName = existing?.ToDisplayString() ?? SessionTokenHelperDocument.FullNameWhenHostedIn(hostRoot!);
            if (existing is null && !useSdk && capabilities is not null)
            {
                var host = await SessionTokenHelperDocument.AppendAsync(solution.GetDocument(plans[0].Document.Id)!, capabilities.Value, cancellationToken).ConfigureAwait(false);
                solution = host.Project.Solution;
            }

            foreach (var plan in plans)
            {
                var editor = await DocumentEditor.CreateAsync(solution.GetDocument(plan.Document.Id)!, cancellationToken).ConfigureAwait(false);
                foreach (var rewrite in plan.Rewrites)
                {
                    var target = SessionTokenHelperDocument.FindSameInvocation(editor.OriginalRoot, rewrite.Span);
                    if (target is null)
                    {
                        continue;
                    }

                    if (rewrite.Sdk is not null)
                    {
                        AwsSdkMetadataRewriter.Rewrite(editor, target, rewrite.Sdk);
                    }
                    else
                    {
                        TokenlessRequestRewriter.Rewrite(editor, target, rewrite.Kind, helperName);
                    }
                }

                solution = editor.GetChangedDocument().Project.Solution;
                solution = await SessionTokenHelperDocument.AddImportsAsync(solution, plan.Document.Id, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private static async Task<DocumentPlan> PlanAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool useSdk, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var capabilities = SessionTokenHelperDocument.GetCapabilities(model.Compilation, root.SyntaxTree);
            var plan = new DocumentPlan(document, capabilities);
            foreach (var diagnostic in diagnostics)
            {
                var invocation = TokenlessRequestCodeFixProvider.FindInvocation(root, diagnostic);
                if (invocation is null)
                {
                    continue;
                }

                if (useSdk)
                {
                    var sdk = AwsSdkMetadataRewriter.TryCreate(invocation, model, diagnostic, cancellationToken);
                    if (sdk is not null)
                    {
                        plan.Rewrites.Add(new PlannedRewrite(invocation.Span, RewriteKind.None, sdk));
                    }
                }
                else if (capabilities is not null)
                {
                    var kind = TokenlessRequestRewriter.Classify(invocation, model, capabilities.Value, cancellationToken);
                    if (kind != RewriteKind.None)
                    {
                        plan.Rewrites.Add(new PlannedRewrite(invocation.Span, kind, null));
                    }
                }
            }

            return plan;
        }

        internal sealed class DocumentPlan
        {
            public DocumentPlan(Document document, HelperCapabilities? capabilities)
            {
                Document = document;
                Capabilities = capabilities;
            }

            public Document Document { get; }

            public HelperCapabilities? Capabilities { get; }

            public List<PlannedRewrite> Rewrites { get; } = new List<PlannedRewrite>();
        }

        internal sealed class PlannedRewrite
        {
            public PlannedRewrite(Microsoft.CodeAnalysis.Text.TextSpan span, RewriteKind kind, SdkRewrite? sdk)
            {
                Span = span;
                Kind = kind;
                Sdk = sdk;
            }

            public Microsoft.CodeAnalysis.Text.TextSpan Span { get; }

            public RewriteKind Kind { get; }

            public SdkRewrite? Sdk { get; }
        }

        private static IEnumerable<Project> ProjectsInScope(FixAllContext context) =>
            context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };

        private static IEnumerable<Document> DocumentsInScope(FixAllContext context, Project project) =>
            context.Scope == FixAllScope.Document && context.Document is not null ? new[] { context.Document } : project.Documents;
    }
}
