using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// Breaks source code the way editing does: tokens and lines deleted, duplicated or swapped, string
/// literals cut short (with and without their closing quote). Deterministic for a given Random.
/// </summary>
public static class SourceMutator
{
    public enum Mutation
    {
        DeleteToken,
        DuplicateToken,
        SwapTokens,
        DeleteLine,
        DuplicateLine,
        SwapLines,
        TruncateString,
        CutStringOpen,
    }

    // String truncation is listed thrice: it mostly keeps code compiling, which is where fixes get checked.
    private static readonly Mutation[] Weighted = Enum.GetValues<Mutation>().Append(Mutation.TruncateString).Append(Mutation.TruncateString).ToArray();

    /// <summary>Applies one mutation (six times in ten), two or three; returns the new text and what was done, for the failure message.</summary>
    public static (string Text, string Description) Mutate(string source, Random random)
    {
        var text = source;
        var applied = new List<string>();
        var roll = random.Next(10);
        var count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
        for (var i = 0; i < count; i++)
        {
            var mutation = Weighted[random.Next(Weighted.Length)];
            var (next, where) = Apply(text, mutation, random);
            if (next != text)
            {
                applied.Add($"{mutation}@{where}");
                text = next;
            }
        }

        return (text, applied.Count == 0 ? "unchanged" : string.Join(", ", applied));
    }

    private static (string Text, int Where) Apply(string text, Mutation mutation, Random random)
    {
        switch (mutation)
        {
            case Mutation.DeleteLine:
            case Mutation.DuplicateLine:
            case Mutation.SwapLines:
                return MutateLines(text, mutation, random);
            case Mutation.TruncateString:
            case Mutation.CutStringOpen:
                return TruncateString(text, mutation == Mutation.CutStringOpen, random);
            default:
                return MutateTokens(text, mutation, random);
        }
    }

    private static (string, int) MutateLines(string text, Mutation mutation, Random random)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count < 2)
        {
            return (text, -1);
        }

        var index = random.Next(lines.Count);
        switch (mutation)
        {
            case Mutation.DeleteLine:
                lines.RemoveAt(index);
                break;
            case Mutation.DuplicateLine:
                lines.Insert(index, lines[index]);
                break;
            default:
                var other = random.Next(lines.Count);
                (lines[index], lines[other]) = (lines[other], lines[index]);
                break;
        }

        return (string.Join('\n', lines), index + 1);
    }

    private static (string, int) MutateTokens(string text, Mutation mutation, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count < 2)
        {
            return (text, -1);
        }

        var index = random.Next(tokens.Count - 1);
        var token = tokens[index];
        switch (mutation)
        {
            case Mutation.DeleteToken:
                return (Replace(text, token.Span, string.Empty), token.SpanStart);
            case Mutation.DuplicateToken:
                return (Replace(text, new TextSpan(token.Span.End, 0), " " + token.Text), token.SpanStart);
            default:
                var next = tokens[index + 1];
                var swapped = new StringBuilder(text.Length)
                    .Append(text, 0, token.SpanStart)
                    .Append(next.Text)
                    .Append(text, token.Span.End, next.SpanStart - token.Span.End)
                    .Append(token.Text)
                    .Append(text, next.Span.End, text.Length - next.Span.End);
                return (swapped.ToString(), token.SpanStart);
        }
    }

    /// <summary>Cuts a string literal's content at a random point; with <paramref name="open"/> the closing quote goes too.</summary>
    private static (string, int) TruncateString(string text, bool open, Random random)
    {
        var literals = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
            .ToList();
        if (literals.Count == 0)
        {
            return (text, -1);
        }

        var literal = literals[random.Next(literals.Count)];
        var span = literal.Span;
        var quoteLength = literal.IsKind(SyntaxKind.StringLiteralToken) ? 1 : 0;
        var contentStart = span.Start + (literal.Text.StartsWith('@') ? 2 : quoteLength);
        var contentEnd = span.End - quoteLength;
        if (contentEnd <= contentStart)
        {
            return (text, -1);
        }

        var cut = contentStart + random.Next(contentEnd - contentStart);
        var removeTo = open ? span.End : contentEnd;
        return (Replace(text, TextSpan.FromBounds(cut, removeTo), string.Empty), span.Start);
    }

    private static string Replace(string text, TextSpan span, string replacement) =>
        string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));
}
