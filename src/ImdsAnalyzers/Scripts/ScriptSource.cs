using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>
    /// The text of one script as the program will hold it at run time, assembled from string
    /// literals, concatenations, interpolations and the elements of a command collection
    /// (UserData.AddCommands(...), an SSM "commands" list), with a map back to source.
    /// </summary>
    internal sealed class ScriptSource
    {
        private ScriptSource(string text, ImmutableArray<ScriptPiece> pieces, ImmutableArray<SyntaxNode> elements, SyntaxTree tree)
        {
            Text = text;
            Pieces = pieces;
            Elements = elements;
            Tree = tree;
            var first = pieces[0].Syntax.Span;
            var last = pieces[pieces.Length - 1].Syntax.Span;
            Span = TextSpan.FromBounds(first.Start, last.End);
        }

        public string Text { get; }

        public ImmutableArray<ScriptPiece> Pieces { get; }

        /// <summary>The command expressions when the script is a collection of commands; empty otherwise.</summary>
        public ImmutableArray<SyntaxNode> Elements { get; }

        public bool IsCollection => !Elements.IsEmpty;

        public SyntaxTree Tree { get; }

        /// <summary>Source span from the first to the last piece: identifies the script within its document.</summary>
        public TextSpan Span { get; }

        /// <summary>Builds the whole script that <paramref name="operation"/> is part of.</summary>
        public static ScriptSource? Build(IOperation operation) => Build(FindRoot(operation));

        /// <summary>
        /// Where the script that <paramref name="operation"/> belongs to starts: the outermost string
        /// expression, or the collection of commands that expression is an element of.
        /// </summary>
        public static ScriptRoot FindRoot(IOperation operation)
        {
            var root = StringRoot(operation);
            var collection = EnclosingCollection(root);
            return collection is null ? new ScriptRoot(root, isCollection: false) : new ScriptRoot(collection, isCollection: true);
        }

        public static ScriptSource? Build(ScriptRoot root)
        {
            var builder = new Builder();
            var elements = root.IsCollection ? ElementsOf(root.Operation) : default;
            if (elements.IsDefault)
            {
                builder.Append(root.Operation, 0);
            }
            else
            {
                for (var i = 0; i < elements.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.AddSeparator(elements[i].Syntax, i);
                    }

                    builder.Append(elements[i], i);
                }
            }

            if (builder.Pieces.Count == 0)
            {
                return null;
            }

            var elementSyntax = ImmutableArray<SyntaxNode>.Empty;
            if (!elements.IsDefault)
            {
                var syntaxBuilder = ImmutableArray.CreateBuilder<SyntaxNode>(elements.Length);
                foreach (var element in elements)
                {
                    syntaxBuilder.Add(element.Syntax);
                }

                elementSyntax = syntaxBuilder.MoveToImmutable();
            }

            return new ScriptSource(builder.Text.ToString(), builder.Pieces.ToImmutable(), elementSyntax, root.Operation.Syntax.SyntaxTree);
        }

        /// <summary>
        /// The literal that reports a call: the one holding the call's URL. It always passes the analyzer's
        /// fast path and lies inside the reported span, so analysing just that span (as the IDE does
        /// for a light bulb) reproduces the diagnostic. A URL outside any literal here (a constant) falls
        /// back to the first literal that names the service.
        /// </summary>
        public SyntaxNode? ReporterOf(int urlOffset)
        {
            var piece = PieceAt(urlOffset);
            if (piece.Kind == ScriptPieceKind.Literal)
            {
                return piece.Syntax;
            }

            foreach (var candidate in Pieces)
            {
                if (candidate.Kind == ScriptPieceKind.Literal && MetadataUrl.MayOccurIn(candidate.Literal!.Value))
                {
                    return candidate.Syntax;
                }
            }

            return null;
        }

        /// <summary>The piece that holds the character at <paramref name="offset"/>.</summary>
        public ScriptPiece PieceAt(int offset)
        {
            var low = 0;
            var high = Pieces.Length - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Pieces[middle].Start <= offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return Pieces[low];
        }

        /// <summary>
        /// The source location of script text [start, end). An end that falls in text without an exact
        /// map (a literal with escapes the map could not follow, a hole, a constant) widens to that
        /// whole piece, so the location is never narrower than the text it stands for.
        /// </summary>
        public Location GetLocation(int start, int end)
        {
            var first = PieceAt(start);
            var last = PieceAt(end - 1);
            var from = first.IsMapped ? first.Literal!.Positions![start - first.Start] : first.Syntax.SpanStart;
            var to = last.IsMapped ? last.Literal!.Positions![end - last.Start] : last.Syntax.Span.End;
            return Location.Create(Tree, TextSpan.FromBounds(from, to));
        }

        private static IOperation StringRoot(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current.Parent)
                {
                    case IInterpolatedStringTextOperation text:
                        current = text.Parent!;
                        break;
                    case IInterpolationOperation interpolation when interpolation.Alignment is null && interpolation.FormatString is null && interpolation.Expression == current:
                        current = interpolation.Parent!;
                        break;
                    case IBinaryOperation binary when IsStringConcatenation(binary):
                        current = binary;
                        break;
                    default:
                        return current;
                }
            }
        }

        /// <summary>The command collection a string is an element of: an array (or params list), a collection initializer, a collection expression.</summary>
        private static IOperation? EnclosingCollection(IOperation root)
        {
            var node = root;
            if (node.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                node = conversion;
            }

            switch (node.Parent)
            {
                case IArrayInitializerOperation { Parent: IArrayCreationOperation creation }:
                    return creation;
                case IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true, Arguments.Length: 1, Parent: IObjectOrCollectionInitializerOperation initializers } }:
                    return initializers;
                case ICollectionExpressionOperation expression:
                    return expression;
                default:
                    return null;
            }
        }

        private static ImmutableArray<IOperation> ElementsOf(IOperation collection)
        {
            switch (collection)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues;
                case IObjectOrCollectionInitializerOperation initializers:
                    var items = ImmutableArray.CreateBuilder<IOperation>(initializers.Initializers.Length);
                    foreach (var item in initializers.Initializers)
                    {
                        items.Add(item is IInvocationOperation { IsImplicit: true, Arguments.Length: 1 } add ? add.Arguments[0].Value : item);
                    }

                    return items.MoveToImmutable();
                case ICollectionExpressionOperation expression:
                    return expression.Elements;
                default:
                    return ImmutableArray<IOperation>.Empty;
            }
        }

        private static bool IsStringConcatenation(IBinaryOperation binary) =>
            binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;

        private sealed class Builder
        {
            public StringBuilder Text { get; } = new StringBuilder();

            public ImmutableArray<ScriptPiece>.Builder Pieces { get; } = ImmutableArray.CreateBuilder<ScriptPiece>();

            public void AddSeparator(SyntaxNode syntax, int element) => Add(ScriptPieceKind.Separator, "\n", syntax, null, element);

            public void Append(IOperation operation, int element)
            {
                // Long "a" + "b" + ... chains nest to the left; walk them without deep recursion.
                var rights = new Stack<IOperation>();
                var current = Unwrap(operation);
                while (current is IBinaryOperation binary && IsStringConcatenation(binary))
                {
                    rights.Push(binary.RightOperand);
                    current = binary.LeftOperand;
                }

                AppendLeaf(current, element);
                while (rights.Count > 0)
                {
                    Append(rights.Pop(), element);
                }
            }

            /// <summary>An interpolation whose text is known ({"..."}, {Constant}); anything else stays one hole, braces included.</summary>
            private static bool HoldsStringText(IOperation expression) =>
                expression.Type?.SpecialType == SpecialType.System_String
                && (expression.ConstantValue.HasValue || expression is IInterpolatedStringOperation || expression is IBinaryOperation);

            private static IOperation Unwrap(IOperation operation) =>
                operation is IConversionOperation { IsImplicit: true } conversion && conversion.Operand.Type?.SpecialType == SpecialType.System_String
                    ? conversion.Operand
                    : operation;

            private void AppendLeaf(IOperation operation, int element)
            {
                switch (operation)
                {
                    case ILiteralOperation { ConstantValue: { HasValue: true, Value: string value } } when operation.Syntax is LiteralExpressionSyntax:
                        Add(ScriptPieceKind.Literal, value, operation.Syntax, LiteralText.Create(operation.Syntax, value), element);
                        return;

                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolatedStringTextOperation { Text: { ConstantValue: { HasValue: true, Value: string text } } } textPart)
                            {
                                Add(ScriptPieceKind.Literal, text, textPart.Syntax, LiteralText.Create(textPart.Syntax, text), element);
                            }
                            else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole && HoldsStringText(hole.Expression))
                            {
                                Append(hole.Expression, element);
                            }
                            else
                            {
                                AddHole(part.Syntax, element);
                            }
                        }

                        return;

                    default:
                        if (operation.ConstantValue is { HasValue: true, Value: string constant })
                        {
                            Add(ScriptPieceKind.Constant, constant, operation.Syntax, null, element);
                        }
                        else
                        {
                            AddHole(operation.Syntax, element);
                        }

                        return;
                }
            }

            private void AddHole(SyntaxNode syntax, int element) => Add(ScriptPieceKind.Hole, MetadataUrl.Hole.ToString(), syntax, null, element);

            private void Add(ScriptPieceKind kind, string text, SyntaxNode syntax, LiteralText? literal, int element)
            {
                if (text.Length == 0)
                {
                    return;
                }

                Pieces.Add(new ScriptPiece(kind, Text.Length, text.Length, syntax, literal, element));
                Text.Append(text);
            }
        }
    }
}
