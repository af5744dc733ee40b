using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>
    /// Inserts commands into an argument list, array or collection initializer, or collection
    /// expression, laid out like the element they precede: on its own line when that element is.
    /// </summary>
    internal static class CommandCollection
    {
        public static SyntaxNode Insert(SyntaxNode container, List<KeyValuePair<int, ExpressionSyntax>> items)
        {
            switch (container)
            {
                case ArgumentListSyntax list:
                    return list.WithArguments(Insert(list.Arguments, items, SyntaxFactory.Argument, list.OpenParenToken));
                case InitializerExpressionSyntax initializer:
                    return initializer.WithExpressions(Insert(initializer.Expressions, items, e => e, initializer.OpenBraceToken));
                case CollectionExpressionSyntax collection:
                    return collection.WithElements(Insert(collection.Elements, items, e => (CollectionElementSyntax)SyntaxFactory.ExpressionElement(e), collection.OpenBracketToken));
                default:
                    return container;
            }
        }

        private static SeparatedSyntaxList<T> Insert<T>(SeparatedSyntaxList<T> list, List<KeyValuePair<int, ExpressionSyntax>> items, Func<ExpressionSyntax, T> wrap, SyntaxToken open)
            where T : SyntaxNode
        {
            var nodesAndTokens = list.GetWithSeparators();
            foreach (var item in items.OrderByDescending(i => i.Key))
            {
                var index = item.Key;
                var next = list[index];
                var before = index == 0 ? open : list.GetSeparator(index - 1);

                // Copy the layout, not the comments: the new element takes the indentation of the one it
                // precedes, and its comma ends the line when the token before that element did.
                var endOfLine = before.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var separatorTrivia = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? SyntaxFactory.TriviaList(endOfLine) : SyntaxFactory.TriviaList(SyntaxFactory.Space);
                var leading = next.GetLeadingTrivia();
                var lastEndOfLine = -1;
                for (var i = 0; i < leading.Count; i++)
                {
                    if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        lastEndOfLine = i;
                    }
                }

                var indentation = SyntaxFactory.TriviaList(leading.Skip(lastEndOfLine + 1).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
                var element = wrap(item.Value).WithLeadingTrivia(indentation);
                var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia);
                nodesAndTokens = nodesAndTokens.InsertRange(2 * index, new SyntaxNodeOrToken[] { element, comma });
            }

            return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
        }
    }
}
