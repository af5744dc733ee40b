using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Scripts
{
    internal enum ScriptPieceKind
    {
        /// <summary>Text of a literal in this document; it maps to source when <see cref="LiteralText.Positions"/> is known.</summary>
        Literal,

        /// <summary>Text of a constant defined elsewhere; it does not map to source here.</summary>
        Constant,

        /// <summary>A value unknown at compile time, shown as one <see cref="MetadataUrl.Hole"/> character.</summary>
        Hole,

        /// <summary>The line break that separates two commands of a collection.</summary>
        Separator,
    }

    internal sealed class ScriptPiece
    {
        public ScriptPiece(ScriptPieceKind kind, int start, int length, SyntaxNode syntax, LiteralText? literal, int element)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Syntax = syntax;
            Literal = literal;
            Element = element;
        }

        public ScriptPieceKind Kind { get; }

        /// <summary>Offset of the piece in the script text.</summary>
        public int Start { get; }

        public int Length { get; }

        public SyntaxNode Syntax { get; }

        public LiteralText? Literal { get; }

        /// <summary>Index of the collection element the piece belongs to (0 for a single string).</summary>
        public int Element { get; }

        public bool IsMapped => Kind == ScriptPieceKind.Literal && Literal!.Positions is not null;
    }
}
