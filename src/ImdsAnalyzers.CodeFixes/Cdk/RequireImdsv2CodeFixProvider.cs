using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.Cdk;
using ImdsAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.CodeFixes.Cdk
{
    /// <summary>
    /// IMDS201: <c>RequireImdsv2 = true</c> on the props, in place of <c>false</c>, or in new props for a
    /// launch template created without any.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireImdsv2CodeFixProvider))]
    [Shared]
    public sealed class RequireImdsv2CodeFixProvider : CodeFixProvider
    {
        internal const string EquivalenceKey = "IMDS201-RequireImdsv2";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CdkLaunchWithoutRequiredTokens);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
            if (node is null || !diagnostic.Properties.TryGetValue(CdkLaunchAnalyzer.FixProperty, out var fix))
            {
                return;
            }

            var action = fix switch
            {
                CdkLaunchAnalyzer.SetTrueFix when node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment =>
                    Action(cancellationToken => SetTrueAsync(context.Document, assignment, cancellationToken)),
                CdkLaunchAnalyzer.AddSettingFix when node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } props =>
                    Action(cancellationToken => AddSettingAsync(context.Document, props, cancellationToken)),
                CdkLaunchAnalyzer.AddPropsFix when node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } construct =>
                    Action(cancellationToken => AddPropsAsync(context.Document, construct, cancellationToken)),
                _ => null,
            };

            if (action is not null)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }

        private static CodeAction Action(System.Func<CancellationToken, Task<Document>> fix) =>
            CodeAction.Create("Set RequireImdsv2 = true", fix, EquivalenceKey);

        private static ExpressionSyntax True() => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);

        private static async Task<Document> SetTrueAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(assignment.Right, True().WithTriviaFrom(assignment.Right));
            return editor.GetChangedDocument();
        }

        private static async Task<Document> AddSettingAsync(Document document, BaseObjectCreationExpressionSyntax props, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(props, (node, _) => ObjectInitializerSyntax.WithMember((BaseObjectCreationExpressionSyntax)node, CdkLaunchAnalyzer.RequireImdsv2, True()));
            return editor.GetChangedDocument();
        }

        /// <summary><c>new LaunchTemplate(scope, id)</c> or <c>(scope, id, null)</c>: passes new props that require tokens.</summary>
        private static async Task<Document> AddPropsAsync(Document document, BaseObjectCreationExpressionSyntax construct, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var propsType = editor.SemanticModel.Compilation.GetTypeByMetadataName(CdkLaunchTypes.LaunchTemplatePropsName);
            if (propsType is null
                || construct.ArgumentList is null
                || editor.SemanticModel.GetOperation(construct, cancellationToken) is not IObjectCreationOperation creation)
            {
                return document;
            }

            var props = ObjectInitializerSyntax.New(editor.Generator, propsType, CdkLaunchAnalyzer.RequireImdsv2, True());
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { Ordinal: 2 } && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Syntax is ArgumentSyntax written)
                {
                    editor.ReplaceNode(written.Expression, props.WithTriviaFrom(written.Expression));
                    return editor.GetChangedDocument();
                }
            }

            editor.ReplaceNode(construct.ArgumentList, construct.ArgumentList.AddArguments(SyntaxFactory.Argument(props).WithAdditionalAnnotations(Formatter.Annotation)));
            return editor.GetChangedDocument();
        }
    }
}
