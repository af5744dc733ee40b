using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ImdsAnalyzers.CodeFixes.LaunchSettings
{
    /// <summary>IMDS104: registers the AMI with <c>ImdsSupport = ImdsSupportValues.V20</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImdsSupportCodeFixProvider))]
    [Shared]
    public sealed class ImdsSupportCodeFixProvider : CodeFixProvider
    {
        internal const string EquivalenceKey = "IMDS104-ImdsSupportV20";
        private const string ImdsSupport = "ImdsSupport";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ImageWithoutImdsV2Support);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var creation = await FixSyntax.FindCreationAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
            if (creation is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Register the AMI with ImdsSupport = v2.0",
                    cancellationToken => FixAsync(context.Document, creation, cancellationToken),
                    EquivalenceKey),
                context.Diagnostics);
        }

        private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var supportType = FixSyntax.PropertyType(editor.SemanticModel.GetTypeInfo(creation, cancellationToken).Type, ImdsSupport);
            if (supportType is null)
            {
                return document;
            }

            var v20 = FixSyntax.StaticMember(supportType, "V20");
            editor.ReplaceNode(creation, (node, _) => ObjectInitializerSyntax.WithMember((BaseObjectCreationExpressionSyntax)node, ImdsSupport, v20));
            return editor.GetChangedDocument();
        }
    }
}
