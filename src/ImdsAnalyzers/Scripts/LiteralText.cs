using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImdsAnalyzers.Scripts
{
    internal enum LiteralFlavor
    {
        Regular,
        Verbatim,
        Raw,
    }

    /// <summary>
    /// One string literal (or one text part of an interpolated string) and, when it can be worked out
    /// exactly, the source position of every character of its value. Escapes, doubled quotes and
    /// braces and raw-string indentation make value offsets differ from source offsets.
    /// </summary>
    internal sealed class LiteralText
    {
        private LiteralText(SyntaxNode syntax, SyntaxToken token, string value)
        {
            Syntax = syntax;
            Token = token;
            Value = value;
            RawIndentation = string.Empty;
        }

        /// <summary>A <see cref="LiteralExpressionSyntax"/> or an <see cref="InterpolatedStringTextSyntax"/>.</summary>
        public SyntaxNode Syntax { get; }

        public SyntaxToken Token { get; }

        /// <summary>The compiler's value of the literal.</summary>
        public string Value { get; }

        public LiteralFlavor Flavor { get; private set; }

        public bool IsInterpolated { get; private set; }

        /// <summary>Number of '$' of an interpolated raw string: fewer braces than that are plain text.</summary>
        public int DollarCount { get; private set; }

        /// <summary>Number of quotes that delimit a raw string.</summary>
        public int QuoteCount { get; private set; }

        public bool IsMultiLineRaw { get; private set; }

        /// <summary>Whitespace a multi-line raw string strips from each content line.</summary>
        public string RawIndentation { get; private set; }

        /// <summary>
        /// Source position of each value character, plus one for the end; null when not exact. Worked
        /// out on first use: most scripts never need it, only those reported or fixed.
        /// </summary>
        public int[]? Positions
        {
            get
            {
                if (Volatile.Read(ref _mapped) == 0)
                {
                    // Two threads may both work it out; they get the same answer.
                    _decode = true;
                    Describe();
                    Volatile.Write(ref _mapped, 1);
                }

                return _positions;
            }
        }

        private int[]? _positions;
        private int _mapped;
        private bool _decode;

        /// <summary>The syntax a fix replaces: the literal expression, or the whole interpolated string.</summary>
        public ExpressionSyntax Host => Syntax as LiteralExpressionSyntax ?? (ExpressionSyntax)Syntax.Parent!;

        public static LiteralText Create(SyntaxNode syntax, string value)
        {
            var token = syntax is LiteralExpressionSyntax literal ? literal.Token : ((InterpolatedStringTextSyntax)syntax).TextToken;
            var result = new LiteralText(syntax, token, value) { IsInterpolated = syntax is InterpolatedStringTextSyntax };
            result.Describe();
            return result;
        }

        private void Describe()
        {
            if (IsInterpolated)
            {
                DescribeInterpolatedText((InterpolatedStringExpressionSyntax)Syntax.Parent!);
            }
            else
            {
                DescribeLiteral();
            }
        }

        private void DescribeLiteral()
        {
            var text = Token.Text;
            var start = Token.SpanStart;
            switch (Token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                    var verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
                    Flavor = verbatim ? LiteralFlavor.Verbatim : LiteralFlavor.Regular;
                    var contentStart = verbatim ? 2 : 1;
                    var contentEnd = text.Length > contentStart && text[text.Length - 1] == '"' ? text.Length - 1 : text.Length;
                    Decode(text, start, contentStart, contentEnd);
                    break;

                case SyntaxKind.SingleLineRawStringLiteralToken:
                    Flavor = LiteralFlavor.Raw;
                    QuoteCount = CountLeading(text, 0, '"');
                    var end = text.Length - QuoteCount;
                    if (end >= QuoteCount)
                    {
                        Decode(text, start, QuoteCount, end);
                    }

                    break;

                case SyntaxKind.MultiLineRawStringLiteralToken:
                    Flavor = LiteralFlavor.Raw;
                    IsMultiLineRaw = true;
                    QuoteCount = CountLeading(text, 0, '"');
                    DecodeMultiLineRaw(text, start);
                    break;
            }
        }

        private void DescribeInterpolatedText(InterpolatedStringExpressionSyntax parent)
        {
            var startToken = parent.StringStartToken;
            var startText = startToken.Text;
            DollarCount = CountLeading(startText, startText.StartsWith("@", System.StringComparison.Ordinal) ? 1 : 0, '$');
            switch (startToken.Kind())
            {
                case SyntaxKind.InterpolatedStringStartToken:
                    Flavor = LiteralFlavor.Regular;
                    break;
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                    Flavor = LiteralFlavor.Verbatim;
                    break;
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                    Flavor = LiteralFlavor.Raw;
                    QuoteCount = CountLeading(startText, DollarCount, '"');
                    break;
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    Flavor = LiteralFlavor.Raw;
                    IsMultiLineRaw = true;
                    QuoteCount = CountLeading(startText, DollarCount, '"');
                    var endText = parent.StringEndToken.Text;
                    var lastNewLine = endText.LastIndexOf('\n');
                    RawIndentation = lastNewLine < 0 ? string.Empty : endText.Substring(lastNewLine + 1, endText.Length - lastNewLine - 1 - CountTrailing(endText, '"'));
                    break;
                default:
                    return;
            }

            var text = Token.Text;
            if (IsMultiLineRaw)
            {
                var atLineStart = Token.GetPreviousToken() == startToken;
                DecodeRawLines(text, Token.SpanStart, 0, text.Length, atLineStart, text.Length);
            }
            else
            {
                Decode(text, Token.SpanStart, 0, text.Length);
            }
        }

        private void DecodeMultiLineRaw(string text, int start)
        {
            var firstNewLine = text.IndexOf('\n');
            var lastNewLine = text.LastIndexOf('\n');
            if (firstNewLine < 0 || lastNewLine <= firstNewLine)
            {
                return;
            }

            var closingQuotes = CountTrailing(text, '"');
            RawIndentation = text.Substring(lastNewLine + 1, text.Length - lastNewLine - 1 - closingQuotes);
            if (!_decode)
            {
                return;
            }

            // The line break before the closing line is not part of the value.
            var contentEnd = lastNewLine > 0 && text[lastNewLine - 1] == '\r' ? lastNewLine - 1 : lastNewLine;
            DecodeRawLines(text, start, firstNewLine + 1, contentEnd, atLineStart: true, contentEnd);
        }

        private void DecodeRawLines(string text, int start, int from, int to, bool atLineStart, int endPosition)
        {
            if (!_decode)
            {
                return;
            }

            var value = new StringBuilder(to - from);
            var positions = new List<int>(to - from + 1);
            var i = from;
            while (i < to)
            {
                if (atLineStart)
                {
                    var skipped = 0;
                    while (skipped < RawIndentation.Length && i < to && text[i] == RawIndentation[skipped])
                    {
                        i++;
                        skipped++;
                    }

                    atLineStart = false;
                    continue;
                }

                var c = text[i];
                value.Append(c);
                positions.Add(start + i);
                i++;
                if (c == '\n')
                {
                    atLineStart = true;
                }
            }

            positions.Add(start + endPosition);
            Accept(value, positions);
        }

        private void Decode(string text, int start, int from, int to)
        {
            if (!_decode)
            {
                return;
            }

            var value = new StringBuilder(to - from);
            var positions = new List<int>(to - from + 1);
            var i = from;
            while (i < to)
            {
                var c = text[i];
                var at = start + i;
                if (IsInterpolated && Flavor != LiteralFlavor.Raw && (c == '{' || c == '}'))
                {
                    if (i + 1 >= to || text[i + 1] != c)
                    {
                        return;
                    }

                    value.Append(c);
                    positions.Add(at);
                    i += 2;
                }
                else if (Flavor == LiteralFlavor.Verbatim && c == '"')
                {
                    if (i + 1 >= to || text[i + 1] != '"')
                    {
                        return;
                    }

                    value.Append('"');
                    positions.Add(at);
                    i += 2;
                }
                else if (Flavor == LiteralFlavor.Regular && c == '\\')
                {
                    var next = DecodeEscape(text, i + 1, to, value);
                    if (next < 0)
                    {
                        return;
                    }

                    while (positions.Count < value.Length)
                    {
                        positions.Add(at);
                    }

                    i = next;
                }
                else
                {
                    value.Append(c);
                    positions.Add(at);
                    i++;
                }
            }

            positions.Add(start + to);
            Accept(value, positions);
        }

        /// <summary>Decodes the escape whose letter is at <paramref name="i"/>; returns the index after it, or -1.</summary>
        private static int DecodeEscape(string text, int i, int to, StringBuilder value)
        {
            if (i >= to)
            {
                return -1;
            }

            switch (text[i])
            {
                case '\'': value.Append('\''); return i + 1;
                case '"': value.Append('"'); return i + 1;
                case '\\': value.Append('\\'); return i + 1;
                case '0': value.Append('\0'); return i + 1;
                case 'a': value.Append('\a'); return i + 1;
                case 'b': value.Append('\b'); return i + 1;
                case 'e': value.Append('\u001b'); return i + 1;
                case 'f': value.Append('\f'); return i + 1;
                case 'n': value.Append('\n'); return i + 1;
                case 'r': value.Append('\r'); return i + 1;
                case 't': value.Append('\t'); return i + 1;
                case 'v': value.Append('\v'); return i + 1;
                case 'x':
                    return AppendHex(text, i + 1, to, 1, 4, value);
                case 'u':
                    return AppendHex(text, i + 1, to, 4, 4, value);
                case 'U':
                    return AppendHex(text, i + 1, to, 8, 8, value);
                default:
                    return -1;
            }
        }

        private static int AppendHex(string text, int i, int to, int min, int max, StringBuilder value)
        {
            var code = 0;
            var digits = 0;
            while (digits < max && i + digits < to && IsHex(text[i + digits]))
            {
                code = (code * 16) + HexValue(text[i + digits]);
                digits++;
            }

            if (digits < min || code > 0x10FFFF)
            {
                return -1;
            }

            value.Append(char.ConvertFromUtf32(code));
            return i + digits;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private void Accept(StringBuilder value, List<int> positions)
        {
            if (value.Length == Value.Length && value.ToString() == Value)
            {
                _positions = positions.ToArray();
            }
        }

        private static int CountLeading(string text, int from, char c)
        {
            var i = from;
            while (i < text.Length && text[i] == c)
            {
                i++;
            }

            return i - from;
        }

        private static int CountTrailing(string text, char c)
        {
            var i = text.Length;
            while (i > 0 && text[i - 1] == c)
            {
                i--;
            }

            return text.Length - i;
        }

        /// <summary>
        /// Writes <paramref name="value"/> the way this literal's source must spell it, or returns null
        /// when this kind of literal cannot hold it (a line break in a single-line raw string, a brace in
        /// an interpolated raw string with a single '$').
        /// </summary>
        public string? Encode(string value)
        {
            var builder = new StringBuilder(value.Length + 16);
            foreach (var c in value)
            {
                if (IsInterpolated && (c == '{' || c == '}'))
                {
                    if (Flavor == LiteralFlavor.Raw)
                    {
                        if (DollarCount < 2)
                        {
                            return null;
                        }

                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append(c).Append(c);
                    }

                    continue;
                }

                switch (Flavor)
                {
                    case LiteralFlavor.Regular:
                        AppendEscaped(builder, c);
                        break;
                    case LiteralFlavor.Verbatim:
                        builder.Append(c);
                        if (c == '"')
                        {
                            builder.Append('"');
                        }

                        break;
                    default:
                        if (c == '\n' || c == '\r')
                        {
                            if (!IsMultiLineRaw)
                            {
                                return null;
                            }

                            builder.Append(c);
                            if (c == '\n')
                            {
                                builder.Append(RawIndentation);
                            }
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        private static void AppendEscaped(StringBuilder builder, char c)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
