using System.Collections.Generic;
using ImdsAnalyzers.Scripts;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>Text to put into a literal: <see cref="Value"/> goes before value index <see cref="ValueIndex"/> of <see cref="Piece"/>.</summary>
    internal sealed class LiteralInsertion
    {
        public LiteralInsertion(ScriptPiece piece, int valueIndex, string value)
        {
            Piece = piece;
            ValueIndex = valueIndex;
            Value = value;
        }

        public ScriptPiece Piece { get; }

        public int ValueIndex { get; }

        public string Value { get; }

        public int SourcePosition => Piece.Literal!.Positions![ValueIndex];
    }

    /// <summary>A new command to put before element <see cref="Element"/> of a command collection.</summary>
    internal sealed class ElementInsertion
    {
        public ElementInsertion(int element, string command)
        {
            Element = element;
            Command = command;
        }

        public int Element { get; }

        public string Command { get; }
    }

    /// <summary>Everything one fix changes in one script.</summary>
    internal sealed class ScriptEdit
    {
        public ScriptEdit(AnalyzedScript script)
        {
            Script = script;
        }

        public AnalyzedScript Script { get; }

        public List<LiteralInsertion> Insertions { get; } = new List<LiteralInsertion>();

        public List<ElementInsertion> NewElements { get; } = new List<ElementInsertion>();

        public bool IsEmpty => Insertions.Count == 0 && NewElements.Count == 0;
    }
}
