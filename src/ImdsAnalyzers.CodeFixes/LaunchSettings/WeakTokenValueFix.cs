using System.Threading;
using System.Threading.Tasks;
using ImdsAnalyzers.CodeFixes.Shared;
using ImdsAnalyzers.Flow;
using ImdsAnalyzers.LaunchSettings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.CodeFixes.LaunchSettings
{
    /// <summary>
    /// IMDS102: writes the strong value in place of the weak one. A string stays a string
    /// ("optional" becomes "required"); anything else becomes the SDK constant or CDK enum member.
    /// </summary>
    internal static class WeakTokenValueFix
    {
        public static async Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
            {
                return;
            }

            var properties = diagnostic.Properties;
            properties.TryGetValue(WeakTokenSetting.StrongLiteralProperty, out var literal);
            properties.TryGetValue(WeakTokenSetting.StrongTypeProperty, out var type);
            properties.TryGetValue(WeakTokenSetting.StrongMemberProperty, out var member);
            if (literal is null && (type is null || member is null))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use '" + (literal ?? member) + "'",
                    cancellationToken => FixAsync(context.Document, assignment, literal, type, member, cancellationToken),
                    LaunchSettingsCodeFixProvider.EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document> FixAsync(Document document, AssignmentExpressionSyntax assignment, string? literal, string? type, string? member, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var stringLiteral = literal is null ? null : StringLiteralIn(editor.SemanticModel, assignment, cancellationToken);
            if (stringLiteral is not null)
            {
                editor.ReplaceNode(stringLiteral, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(literal!)).WithTriviaFrom(stringLiteral));
            }
            else if (type is not null && member is not null)
            {
                var strong = FixSyntax.StaticMember(type, member);
                editor.ReplaceNode(assignment.Right, strong.WithTriviaFrom(assignment.Right));
            }
            else
            {
                editor.ReplaceNode(assignment.Right, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(literal!)).WithTriviaFrom(assignment.Right));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>The string literal the weak value is written as: <c>"optional"</c>, or the argument of <c>new HttpTokensState("optional")</c>.</summary>
        private static LiteralExpressionSyntax? StringLiteralIn(SemanticModel model, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            var value = model.GetOperation(assignment.Right, cancellationToken)?.WithoutBuiltInConversions();
            if (value is IConversionOperation { OperatorMethod: not null } conversion)
            {
                value = conversion.Operand;
            }

            return value?.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
        }
    }
}
