using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ImdsAnalyzers.CodeFixes.MetadataCalls
{
    /// <summary>Adds <c>Method = HttpMethod.Put</c> and the TTL header to the object initializer of a <c>new HttpRequestMessage(...)</c>.</summary>
    internal static class CreationInitializer
    {
        public static SyntaxNode Complete(BaseObjectCreationExpressionSyntax creation, bool addMethod, bool addTtl)
        {
            var initializer = creation.Initializer;
            var members = initializer?.Expressions ?? default;
            var list = new List<ExpressionSyntax>(members);
            if (addMethod)
            {
                list.Add(TokenRequestSyntax.MethodPut());
            }

            if (addTtl)
            {
                var headers = FindHeadersMember(list);
                if (headers >= 0)
                {
                    var member = (AssignmentExpressionSyntax)list[headers];
                    var collection = (InitializerExpressionSyntax)member.Right;
                    list[headers] = member.WithRight(collection.AddExpressions(TokenRequestSyntax.TtlElement()).WithAdditionalAnnotations(Formatter.Annotation));
                }
                else
                {
                    list.Add(TokenRequestSyntax.HeadersWithTtl());
                }
            }

            var separators = new List<SyntaxToken>();
            for (var i = 0; i < list.Count - 1; i++)
            {
                separators.Add(i < members.SeparatorCount ? members.GetSeparator(i) : Token(SyntaxKind.CommaToken));
            }

            if (members.Count > 0 && members.SeparatorCount == members.Count)
            {
                // The original list ended with a trailing comma: keep one after the new last member.
                var trailing = members.GetSeparator(members.Count - 1);
                separators.Add(list.Count > members.Count ? Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing.TrailingTrivia) : trailing);
            }

            var separated = SeparatedList(list, separators);
            if (initializer is null)
            {
                var created = InitializerExpression(SyntaxKind.ObjectInitializerExpression, separated).WithAdditionalAnnotations(Formatter.Annotation);
                return creation.WithInitializer(created);
            }

            return creation.WithInitializer(initializer.WithExpressions(separated).WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>The index of <c>Headers = { ... }</c> (a collection initializer, not a new collection), or -1.</summary>
        private static int FindHeadersMember(List<ExpressionSyntax> members)
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is AssignmentExpressionSyntax assignment
                    && assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == "Headers"
                    && assignment.Right is InitializerExpressionSyntax collection
                    && collection.IsKind(SyntaxKind.CollectionInitializerExpression))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
