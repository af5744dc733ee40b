using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.CodeFixes.Shared
{
    internal static class FixSyntax
    {
        /// <summary>The object creation a report was made on (reports cover <c>new T(...)</c> without the initializer).</summary>
        public static async Task<BaseObjectCreationExpressionSyntax?> FindCreationAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root?.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        }

        /// <summary>Offers <paramref name="fix"/> for a report made on an object creation.</summary>
        public static async Task RegisterCreationFixAsync(
            CodeFixContext context,
            Diagnostic diagnostic,
            string title,
            string equivalenceKey,
            Func<Document, BaseObjectCreationExpressionSyntax, CancellationToken, Task<Document>> fix)
        {
            var creation = await FindCreationAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (creation is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => fix(context.Document, creation, cancellationToken), equivalenceKey), diagnostic);
            }
        }

        /// <summary>The type of the instance property <paramref name="name"/> of <paramref name="owner"/>, or null.</summary>
        public static INamedTypeSymbol? PropertyType(ITypeSymbol? owner, string name)
        {
            if (owner is null)
            {
                return null;
            }

            foreach (var member in owner.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, Type: INamedTypeSymbol type })
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>
        /// The fully qualified name, marked for the simplifier: it shortens the name where the file's
        /// usings allow and leaves it qualified where they don't, so the fix never needs a new using.
        /// </summary>
        public static SyntaxNode TypeName(SyntaxGenerator generator, ITypeSymbol type) =>
            generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>
        /// <c>global::Namespace.Type.Member</c> as the parser would read it (member accesses, not a
        /// qualified type name), so that whatever the simplifier leaves is an ordinary expression.
        /// </summary>
        public static ExpressionSyntax StaticMember(ITypeSymbol type, string member) =>
            StaticMember(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), member);

        public static ExpressionSyntax StaticMember(string fullyQualifiedType, string member) =>
            SyntaxFactory.ParseExpression(fullyQualifiedType + "." + member).WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
