using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>The callbacks one analyzer registers for one compilation, as recorded by <see cref="RegistrationRecorder"/>.</summary>
public sealed class Registrations
{
    public List<ImmutableArray<OperationKind>> OperationActions { get; } = new();
    public List<ImmutableArray<SyntaxKind>> SyntaxNodeActions { get; } = new();
    public List<ImmutableArray<SymbolKind>> SymbolActions { get; } = new();
    public List<SymbolKind> SymbolStartActions { get; } = new();
    public int CompilationStartActions { get; set; }
    public int CompilationEndActions { get; set; }
    public int SemanticModelActions { get; set; }
    public int SyntaxTreeActions { get; set; }
    public int CodeBlockActions { get; set; }
    public int CodeBlockStartActions { get; set; }
    public int OperationBlockActions { get; set; }
    public int OperationBlockStartActions { get; set; }
    public int AdditionalFileActions { get; set; }

    public bool IsEmpty => ToString() == Nothing;

    private const string Nothing = "nothing";

    public override string ToString()
    {
        var parts = new List<string>();
        if (OperationActions.Count > 0)
        {
            parts.Add("operations[" + string.Join(",", OperationActions.SelectMany(k => k).Distinct().OrderBy(k => k.ToString())) + "]");
        }

        if (SyntaxNodeActions.Count > 0)
        {
            parts.Add("syntax[" + string.Join(",", SyntaxNodeActions.SelectMany(k => k).Distinct().OrderBy(k => k.ToString())) + "]");
        }

        if (SymbolActions.Count > 0)
        {
            parts.Add("symbols[" + string.Join(",", SymbolActions.SelectMany(k => k).Distinct()) + "]");
        }

        if (SymbolStartActions.Count > 0)
        {
            parts.Add("symbol-start[" + string.Join(",", SymbolStartActions) + "]");
        }

        void Count(string name, int count)
        {
            if (count > 0)
            {
                parts.Add(count == 1 ? name : $"{name}x{count}");
            }
        }

        Count("compilation-start", CompilationStartActions);
        Count("compilation-end (or compilation)", CompilationEndActions);
        Count("semantic-model", SemanticModelActions);
        Count("syntax-tree", SyntaxTreeActions);
        Count("code-block", CodeBlockActions);
        Count("code-block-start", CodeBlockStartActions);
        Count("operation-block", OperationBlockActions);
        Count("operation-block-start", OperationBlockStartActions);
        Count("additional-file", AdditionalFileActions);
        return parts.Count == 0 ? Nothing : string.Join(" ", parts);
    }
}
