using System.Collections.Generic;
using System.Linq;
using System.Text;
using ImdsAnalyzers.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>
    /// Writes a <see cref="ScriptEdit"/> into the syntax tree. Inserted text goes into each literal's
    /// own spelling (escapes, doubled quotes or braces, raw indentation) and every untouched character
    /// of the literal keeps its original source text. Each rewritten literal is parsed back and its
    /// value compared with the intended one; if any differs, nothing of the script is changed.
    /// </summary>
    internal static class ScriptEditApplier
    {
        public static bool TryApply(SyntaxEditor editor, ScriptEdit edit, CSharpParseOptions options)
        {
            var replacements = new List<KeyValuePair<SyntaxNode, SyntaxNode>>();
            foreach (var host in edit.Insertions.GroupBy(i => i.Piece.Literal!.Host))
            {
                var replacement = Rewrite(host.Key, host.ToList(), edit.Script.Source, options);
                if (replacement is null)
                {
                    return false;
                }

                replacements.Add(new KeyValuePair<SyntaxNode, SyntaxNode>(host.Key, replacement));
            }

            if (HasNestedHosts(replacements))
            {
                return false;
            }

            var containers = new List<KeyValuePair<SyntaxNode, List<KeyValuePair<int, ExpressionSyntax>>>>();
            foreach (var insertion in edit.NewElements)
            {
                if (!TryFindSlot(edit.Script.Source.Elements[insertion.Element], out var container, out var index))
                {
                    return false;
                }

                var command = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(insertion.Command));
                var entry = containers.FirstOrDefault(c => c.Key == container);
                if (entry.Key is null)
                {
                    entry = new KeyValuePair<SyntaxNode, List<KeyValuePair<int, ExpressionSyntax>>>(container, new List<KeyValuePair<int, ExpressionSyntax>>());
                    containers.Add(entry);
                }

                entry.Value.Add(new KeyValuePair<int, ExpressionSyntax>(index, command));
            }

            // Literals first: a container's replacement then starts from the already rewritten literals inside it.
            foreach (var replacement in replacements)
            {
                editor.ReplaceNode(replacement.Key, replacement.Value);
            }

            foreach (var container in containers)
            {
                var items = container.Value;
                editor.ReplaceNode(container.Key, (current, _) => CommandCollection.Insert(current, items));
            }

            return true;
        }

        private static SyntaxNode? Rewrite(ExpressionSyntax host, List<LiteralInsertion> insertions, ScriptSource source, CSharpParseOptions options)
        {
            var text = new StringBuilder(host.ToString());
            var ordered = insertions.Select((insertion, order) => (insertion, order))
                .OrderByDescending(x => x.insertion.SourcePosition)
                .ThenByDescending(x => x.order);
            foreach (var (insertion, _) in ordered)
            {
                text.Insert(insertion.SourcePosition - host.SpanStart, insertion.Piece.Literal!.Encode(insertion.Value));
            }

            var parsed = SyntaxFactory.ParseExpression(text.ToString(), options: options);
            if (parsed.ContainsDiagnostics || !parsed.IsKind(host.Kind()) || parsed.FullSpan.Length != text.Length)
            {
                return null;
            }

            if (host is LiteralExpressionSyntax)
            {
                var literal = insertions[0].Piece.Literal!;
                return ((LiteralExpressionSyntax)parsed).Token.ValueText == Expected(literal, insertions)
                    ? parsed.WithTriviaFrom(host)
                    : null;
            }

            var oldContents = ((InterpolatedStringExpressionSyntax)host).Contents;
            var newContents = ((InterpolatedStringExpressionSyntax)parsed).Contents;
            if (oldContents.Count != newContents.Count)
            {
                return null;
            }

            for (var i = 0; i < oldContents.Count; i++)
            {
                if (oldContents[i].Kind() != newContents[i].Kind())
                {
                    return null;
                }

                var piece = source.Pieces.FirstOrDefault(p => p.Syntax == oldContents[i]);
                if (piece?.Literal is null)
                {
                    continue;
                }

                var expected = Expected(piece.Literal, insertions.Where(x => x.Piece == piece).ToList());
                if (LiteralText.Create(newContents[i], expected).Positions is null)
                {
                    return null;
                }
            }

            return parsed.WithTriviaFrom(host);
        }

        private static string Expected(LiteralText literal, List<LiteralInsertion> insertions)
        {
            var value = new StringBuilder(literal.Value);
            foreach (var insertion in insertions.Select((x, order) => (x, order)).OrderByDescending(x => x.x.ValueIndex).ThenByDescending(x => x.order))
            {
                value.Insert(insertion.x.ValueIndex, insertion.x.Value);
            }

            return value.ToString();
        }

        private static bool HasNestedHosts(List<KeyValuePair<SyntaxNode, SyntaxNode>> replacements)
        {
            foreach (var outer in replacements)
            {
                foreach (var inner in replacements)
                {
                    if (outer.Key != inner.Key && outer.Key.Span.Contains(inner.Key.Span))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool TryFindSlot(SyntaxNode element, out SyntaxNode container, out int index)
        {
            switch (element.Parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax list } argument:
                    container = list;
                    index = list.Arguments.IndexOf(argument);
                    return true;
                case InitializerExpressionSyntax initializer when element is ExpressionSyntax expression:
                    container = initializer;
                    index = initializer.Expressions.IndexOf(expression);
                    return true;
                case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } item:
                    container = collection;
                    index = collection.Elements.IndexOf(item);
                    return true;
                default:
                    container = element;
                    index = -1;
                    return false;
            }
        }
    }
}
