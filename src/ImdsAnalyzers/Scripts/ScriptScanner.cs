using System;
using System.Collections.Generic;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>
    /// A forgiving, single-pass reader of shell and PowerShell script text. It does not parse the
    /// languages; it tracks just enough (quotes, substitutions, brackets, comments, heredocs, line
    /// continuations) to tell which curl, wget or Invoke-* call each URL and header belongs to.
    /// Unbalanced input never throws: quotes close at the end of a line and stray closers are ignored.
    /// </summary>
    internal sealed class ScriptScanner
    {
        private static readonly string[] CommandNames = { "curl", "wget", "Invoke-RestMethod", "Invoke-WebRequest", "irm", "iwr" };

        private static readonly string[] PowerShellParameters =
        {
            "Uri", "UseBasicParsing", "Method", "OutFile", "TimeoutSec", "ContentType", "Body", "UserAgent", "ErrorAction",
            "WebSession", "SessionVariable", "MaximumRedirection", "DisableKeepAlive", "PassThru", "UseDefaultCredentials",
            "Credential", "Proxy", "InFile",
        };

        private static readonly string[] CodeArgumentWords = { "-c", "-Command", "eval", "iex", "Invoke-Expression" };

        private readonly string _text;
        private readonly bool _powerShell;
        private readonly bool _notShell;
        private readonly List<ScriptCall> _calls = new List<ScriptCall>();
        private readonly List<ScriptLine> _lines = new List<ScriptLine>();
        private List<Frame> _frames = new List<Frame> { new Frame(FrameKind.Root, '\0', 0, 0, -1) };
        private int _blockDepth;
        private bool _inData;
        private bool _inBlockComment;
        private string? _pendingHeredoc;
        private string? _heredoc;
        private char _pendingHereString;
        private char _hereString;

        private ScriptScanner(string text)
        {
            _text = text;
            _powerShell = IsPowerShell(text);
            // cloud-config is YAML and <script> user data is a Windows batch file: calls in them are read, but a shell or PowerShell rewrite would not fit.
            _notShell = text.StartsWith("#cloud-config", StringComparison.Ordinal) || text.IndexOf("<script>", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private enum FrameKind
        {
            Root,
            Paren,
            DollarParen,
            Brace,
            Backtick,
            CodeQuote,
            DataQuote,
            Hashtable,
        }

        private Frame Top => _frames[_frames.Count - 1];

        public static ScriptScan Scan(string text)
        {
            var scanner = new ScriptScanner(text);
            scanner.ScanLines();
            return new ScriptScan(text, scanner._powerShell, scanner._lines, scanner._calls);
        }

        /// <summary>Whether the script is PowerShell: that decides escapes, comments and how a fix names its token variable.</summary>
        internal static bool IsPowerShell(string text)
        {
            if (text.IndexOf("<powershell>", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("Invoke-RestMethod", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("Invoke-WebRequest", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("$env:", StringComparison.OrdinalIgnoreCase) >= 0
                || HasWord(text, "irm") || HasWord(text, "iwr"))
            {
                return true;
            }

            // A line that starts "$name =" is a PowerShell assignment; shells never start a line with '$'.
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var i = lineStart;
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '$' && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
                {
                    i += 2;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == ':'))
                    {
                        i++;
                    }

                    while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                    {
                        i++;
                    }

                    if (i < text.Length && text[i] == '=' && (i + 1 == text.Length || text[i + 1] != '='))
                    {
                        return true;
                    }
                }

                var next = text.IndexOf('\n', lineStart);
                lineStart = next < 0 ? text.Length : next + 1;
            }

            return false;
        }

        private static bool HasWord(string text, string word)
        {
            var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var end = index + word.Length;
                if ((index == 0 || IsCommandBoundaryBefore(text[index - 1])) && (end == text.Length || char.IsWhiteSpace(text[end])))
                {
                    return true;
                }

                index = text.IndexOf(word, end, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }

        private void ScanLines()
        {
            var position = 0;
            while (position <= _text.Length)
            {
                var start = position;
                var end = FindLineEnd(start, joinContinuations: _heredoc is null && _hereString == '\0' && !_inBlockComment, out position);
                ScanLine(start, end);
            }
        }

        private int FindLineEnd(int start, bool joinContinuations, out int next)
        {
            var from = start;
            while (true)
            {
                var newLine = _text.IndexOf('\n', from);
                int end;
                if (newLine < 0)
                {
                    end = _text.Length;
                    next = _text.Length + 1;
                }
                else
                {
                    end = newLine > from && _text[newLine - 1] == '\r' ? newLine - 1 : newLine;
                    next = newLine + 1;
                }

                if (!joinContinuations || newLine < 0 || !EndsWithContinuation(from, end))
                {
                    return end;
                }

                from = next;
            }
        }

        private bool EndsWithContinuation(int start, int end)
        {
            if (end <= start)
            {
                return false;
            }

            if (_powerShell)
            {
                return _text[end - 1] == '`';
            }

            var backslashes = 0;
            while (end - 1 - backslashes >= start && _text[end - 1 - backslashes] == '\\')
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private void ScanLine(int start, int end)
        {
            var contentStart = start;
            while (contentStart < end && char.IsWhiteSpace(_text[contentStart]))
            {
                contentStart++;
            }

            var contentEnd = end;
            while (contentEnd > contentStart && char.IsWhiteSpace(_text[contentEnd - 1]))
            {
                contentEnd--;
            }

            if (_heredoc is not null || _hereString != '\0')
            {
                ScanDataLine(start, end, contentStart, contentEnd);
                return;
            }

            var isTopLevel = _frames.Count == 1 && _blockDepth == 0 && !_inBlockComment;
            ScriptLineKind kind;
            var scanFrom = start;
            if (_inBlockComment)
            {
                var close = IndexOf("#>", start, end);
                kind = ScriptLineKind.Comment;
                if (close < 0)
                {
                    AddLine(start, end, contentStart, contentEnd, kind, isTopLevel);
                    return;
                }

                _inBlockComment = false;
                scanFrom = close + 2;
            }
            else if (contentStart == contentEnd)
            {
                kind = ScriptLineKind.Blank;
            }
            else if (_text[contentStart] == '#' || (_text[contentStart] == '<' && contentStart + 1 < contentEnd && _text[contentStart + 1] == '#'))
            {
                kind = ScriptLineKind.Comment;
            }
            else if (IsTag(contentStart, contentEnd))
            {
                kind = ScriptLineKind.Tag;
            }
            else
            {
                kind = ScriptLineKind.Code;
            }

            ScanRange(scanFrom, end);
            EndOfLine(end);
            AddLine(start, end, contentStart, contentEnd, kind, isTopLevel);

            if (_pendingHeredoc is not null)
            {
                _heredoc = _pendingHeredoc;
                _pendingHeredoc = null;
            }

            if (_pendingHereString != '\0')
            {
                _hereString = _pendingHereString;
                _pendingHereString = '\0';
            }
        }

        /// <summary>
        /// A heredoc or here-string body is data, but often a script written to disk and run later,
        /// so its lines are still read for calls, each on its own and never offered a fix.
        /// </summary>
        private void ScanDataLine(int start, int end, int contentStart, int contentEnd)
        {
            var isEnd = _heredoc is not null
                ? contentEnd - contentStart == _heredoc.Length && string.CompareOrdinal(_text, contentStart, _heredoc, 0, _heredoc.Length) == 0
                : contentEnd - contentStart >= 2 && _text[contentStart] == _hereString && _text[contentStart + 1] == '@';
            if (isEnd)
            {
                _heredoc = null;
                _hereString = '\0';
            }
            else
            {
                var saved = _frames;
                var savedDepth = _blockDepth;
                _frames = new List<Frame> { new Frame(FrameKind.Root, '\0', start, start, -1) };
                _inData = true;
                ScanRange(start, end);
                EndOfLine(end);
                _inData = false;
                _frames = saved;
                _blockDepth = savedDepth;
                _inBlockComment = false;
            }

            AddLine(start, end, contentStart, contentEnd, ScriptLineKind.Data, isTopLevel: false);
        }

        private void AddLine(int start, int end, int contentStart, int contentEnd, ScriptLineKind kind, bool isTopLevel) =>
            _lines.Add(new ScriptLine(start, end, contentStart, contentEnd, kind, isTopLevel));

        private bool IsTag(int start, int end)
        {
            if (end - start < 3 || _text[start] != '<' || _text[end - 1] != '>')
            {
                return false;
            }

            for (var i = start + 1; i < end - 1; i++)
            {
                if (!char.IsLetter(_text[i]) && _text[i] != '/')
                {
                    return false;
                }
            }

            return true;
        }

        private void EndOfLine(int position)
        {
            // Quotes and backquotes do not run across lines here: an unbalanced quote then spoils one line, not the script.
            while (_frames.Count > 1 && Top.Kind is FrameKind.DataQuote or FrameKind.CodeQuote or FrameKind.Backtick)
            {
                Pop();
            }

            var top = Top;
            if (top.Kind != FrameKind.Hashtable)
            {
                EndCall(top);
                top.ExpectCommand = true;
            }
        }

        private void ScanRange(int from, int to)
        {
            var i = from;
            while (i < to)
            {
                var frame = Top;
                switch (frame.Kind)
                {
                    case FrameKind.DataQuote:
                        i = ScanInDataQuote(frame, i, to);
                        break;
                    case FrameKind.Hashtable:
                        i = ScanInHashtable(frame, i, to);
                        break;
                    default:
                        i = ScanInCommand(frame, i, to);
                        break;
                }
            }
        }

        private int ScanInDataQuote(Frame frame, int i, int to)
        {
            var c = _text[i];
            if (frame.Closer == '\'')
            {
                if (c == '\'')
                {
                    Pop();
                    return i + 1;
                }

                Inspect(i, frame.Call);
                return i + 1;
            }

            if ((_powerShell ? c == '`' : c == '\\') && i + 1 < to)
            {
                return i + 2;
            }

            switch (c)
            {
                case '"':
                    Pop();
                    return i + 1;
                case '$' when Next(i) == '(':
                    Push(FrameKind.DollarParen, ')', i, i + 2, -1);
                    return i + 2;
                case '`' when !_powerShell:
                    Push(FrameKind.Backtick, '`', i, i + 1, -1);
                    return i + 1;
                default:
                    Inspect(i, frame.Call);
                    return i + 1;
            }
        }

        private int ScanInHashtable(Frame frame, int i, int to)
        {
            var c = _text[i];
            switch (c)
            {
                case '}':
                    Pop();
                    return i + 1;
                case '"':
                case '\'':
                    Push(FrameKind.DataQuote, c, i, i + 1, frame.Call);
                    return i + 1;
                case '$' when Next(i) == '(':
                case '@' when Next(i) == '(':
                    Push(FrameKind.Paren, ')', i, i + 2, -1);
                    return i + 2;
                case '(':
                    Push(FrameKind.Paren, ')', i, i + 1, -1);
                    return i + 1;
                case '{':
                    Push(FrameKind.Brace, '}', i, i + 1, -1);
                    return i + 1;
                case '`' when i + 1 < to:
                    return i + 2;
                default:
                    Inspect(i, frame.Call);
                    return i + 1;
            }
        }

        private int ScanInCommand(Frame frame, int i, int to)
        {
            var c = _text[i];
            if (frame.Kind != FrameKind.Root && c == frame.Closer)
            {
                EndCall(frame);
                Pop();
                return i + 1;
            }

            if ((_powerShell ? c == '`' : c == '\\') && i + 1 < to)
            {
                return i + 2;
            }

            switch (c)
            {
                case '#' when i == 0 || IsCommentBoundary(_text[i - 1]):
                    return to;
                case '<' when _powerShell && Next(i) == '#':
                    var close = IndexOf("#>", i + 2, to);
                    if (close >= 0)
                    {
                        return close + 2;
                    }

                    _inBlockComment = true;
                    return to;
                case '<' when !_powerShell && !_inData && Next(i) == '<' && (i + 2 >= to || _text[i + 2] != '<'):
                    return ReadHeredocStart(i + 2, to);
                case '@' when _powerShell && !_inData && (Next(i) == '"' || Next(i) == '\'') && IsBlank(i + 2, to):
                    _pendingHereString = _text[i + 1];
                    return to;
                case '"':
                case '\'':
                    if (IsCodeArgument(i))
                    {
                        Push(FrameKind.CodeQuote, c, i, i + 1, -1);
                    }
                    else
                    {
                        Push(FrameKind.DataQuote, c, i, i + 1, frame.Call);
                    }

                    return i + 1;
                case '$' when Next(i) == '(':
                    Push(FrameKind.DollarParen, ')', i, i + 2, -1);
                    return i + 2;
                case '$' when Next(i) == '{':
                    var closeBrace = IndexOf("}", i + 2, to);
                    return closeBrace < 0 ? to : closeBrace + 1;
                case '@' when _powerShell && Next(i) == '(':
                    Push(FrameKind.Paren, ')', i, i + 2, -1);
                    return i + 2;
                case '@' when _powerShell && Next(i) == '{':
                    Push(FrameKind.Hashtable, '}', i, i + 2, frame.Call);
                    return i + 2;
                case '(':
                    Push(FrameKind.Paren, ')', i, i + 1, -1);
                    return i + 1;
                case '{':
                    Push(FrameKind.Brace, '}', i, i + 1, -1);
                    return i + 1;
                case '`' when !_powerShell:
                    Push(FrameKind.Backtick, '`', i, i + 1, -1);
                    return i + 1;
                case ')':
                case '}':
                    return i + 1;
                case ';':
                case '|':
                    EndCall(frame);
                    frame.ExpectCommand = true;
                    return i + 1;
                case '&' when !(i > 0 && _text[i - 1] == '>') && Next(i) != '>':
                    EndCall(frame);
                    frame.ExpectCommand = true;
                    return i + 1;
            }

            if (i == frame.ContentStart || IsCommandBoundaryBefore(_text[i - 1]))
            {
                if (TryMatchCommand(i, to, out var command, out var wordEnd, out var isExe))
                {
                    StartCall(frame, command, i, wordEnd, isExe);
                    return wordEnd;
                }

                if (frame.ExpectCommand)
                {
                    ReadLeadingWord(frame, i, to);
                }
            }

            Inspect(i, frame.Call);
            return i + 1;
        }

        private bool TryMatchCommand(int i, int to, out ScriptCommand command, out int wordEnd, out bool isExe)
        {
            command = default;
            wordEnd = i;
            isExe = false;
            if (i > 0 && (_text[i - 1] == '/' || _text[i - 1] == '\\') && !IsPathWord(i))
            {
                return false;
            }

            for (var n = 0; n < CommandNames.Length; n++)
            {
                var name = CommandNames[n];
                if (n >= 4 && !_powerShell)
                {
                    break;
                }

                if (!MetadataUrl.Matches(_text, i, name, StringComparison.OrdinalIgnoreCase) || i + name.Length > to)
                {
                    continue;
                }

                var end = i + name.Length;
                if (MetadataUrl.Matches(_text, end, ".exe", StringComparison.OrdinalIgnoreCase) && end + 4 <= to)
                {
                    end += 4;
                    isExe = true;
                }

                if (end < to && !IsCommandBoundaryAfter(_text[end]))
                {
                    continue;
                }

                command = n switch
                {
                    0 => ScriptCommand.Curl,
                    1 => ScriptCommand.Wget,
                    2 or 4 => ScriptCommand.InvokeRestMethod,
                    _ => ScriptCommand.InvokeWebRequest,
                };
                wordEnd = end;
                return true;
            }

            return false;
        }

        /// <summary>"/usr/bin/curl" names curl; "http://host/curl" does not.</summary>
        private bool IsPathWord(int i)
        {
            var start = i;
            while (start > 0 && !char.IsWhiteSpace(_text[start - 1]) && !IsSeparator(_text[start - 1]))
            {
                start--;
            }

            return IndexOf("://", start, i) < 0;
        }

        private void StartCall(Frame frame, ScriptCommand command, int start, int end, bool isExe)
        {
            EndCall(frame);
            var call = new ScriptCall(command, start, end, _lines.Count)
            {
                IsExe = isExe,
                FixBlocked = _inData || _notShell || frame.Kind == FrameKind.CodeQuote || (frame.Kind == FrameKind.Backtick && frame.InDataQuote),
                AssignedVariable = AssignmentTarget(frame, start),
            };
            _calls.Add(call);
            frame.Call = _calls.Count - 1;
            frame.ExpectCommand = false;
        }

        private void EndCall(Frame frame)
        {
            if (frame.Kind is FrameKind.DataQuote or FrameKind.Hashtable || frame.Call < 0)
            {
                return;
            }

            frame.Call = -1;
        }

        /// <summary>Tracks shell blocks (if/for/while/case ... fi/done/esac) so that a fix never puts a token fetch inside one.</summary>
        private void ReadLeadingWord(Frame frame, int i, int to)
        {
            var end = i;
            while (end < to && (char.IsLetter(_text[end]) || _text[end] == '!'))
            {
                end++;
            }

            var word = _text.Substring(i, end - i);
            var continues = end == to || char.IsWhiteSpace(_text[end]) || _text[end] == ';';
            if (!_powerShell && frame.Kind == FrameKind.Root && continues && !_inData)
            {
                switch (word)
                {
                    case "if":
                    case "for":
                    case "while":
                    case "until":
                    case "case":
                    case "select":
                        _blockDepth++;
                        break;
                    case "fi":
                    case "done":
                    case "esac":
                        _blockDepth = Math.Max(0, _blockDepth - 1);
                        break;
                }
            }

            frame.ExpectCommand = continues && word is "if" or "then" or "else" or "elif" or "do" or "while" or "until" or "!";
        }

        private void Inspect(int i, int owner)
        {
            if (owner < 0)
            {
                return;
            }

            var call = _calls[owner];
            var c = _text[i];
            if ((c == '1' || c == '[') && MetadataUrl.TryMatch(_text, i, out var url))
            {
                if (call.Url is null || (call.Url.Value.Kind != MetadataPathKind.Metadata && url.Kind == MetadataPathKind.Metadata))
                {
                    call.Url = url;
                }
            }
            else if ((c == 'x' || c == 'X') && ScriptScan.IsTokenHeaderAt(_text, i))
            {
                call.HasTokenHeader = true;
            }
            else if (c == '-' && i > 0 && char.IsWhiteSpace(_text[i - 1]))
            {
                InspectOption(call, i);
            }
        }

        private void InspectOption(ScriptCall call, int i)
        {
            var isLong = Next(i) == '-';
            var nameStart = isLong ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < _text.Length && (char.IsLetterOrDigit(_text[nameEnd]) || (_text[nameEnd] == '-' && nameEnd > nameStart)))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                return;
            }

            var name = _text.Substring(nameStart, nameEnd - nameStart);
            if (isLong)
            {
                call.HasNativeOptions = true;
                if (name == "header")
                {
                    CheckHeaderValue(call, nameEnd);
                }
            }
            else if (string.Equals(name, "Headers", StringComparison.OrdinalIgnoreCase))
            {
                call.HasPowerShellParameters = true;
                call.HasHeadersParameter = true;
                var value = SkipBlanks(nameEnd < _text.Length && _text[nameEnd] == ':' ? nameEnd + 1 : nameEnd);
                if (MetadataUrl.Matches(_text, value, "@{", StringComparison.Ordinal))
                {
                    call.HeadersHashtableInsert = value + 2;
                }
                else if (value < _text.Length && (_text[value] == '$' || _text[value] == MetadataUrl.Hole))
                {
                    call.HasComputedHeader = true;
                }
            }
            else if (IsPowerShellParameter(name))
            {
                call.HasPowerShellParameters = true;
            }
            else if (name.Length == 1 || char.IsLower(name[0]))
            {
                call.HasNativeOptions = true;
                if (name == "H")
                {
                    CheckHeaderValue(call, nameEnd);
                }
            }
            else
            {
                call.HasPowerShellParameters = true;
            }
        }

        private static bool IsPowerShellParameter(string name)
        {
            foreach (var parameter in PowerShellParameters)
            {
                if (string.Equals(parameter, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private void CheckHeaderValue(ScriptCall call, int i)
        {
            i = SkipBlanks(i < _text.Length && _text[i] == '=' ? i + 1 : i);
            if (i < _text.Length && (_text[i] == '"' || _text[i] == '\''))
            {
                i++;
            }

            if (i < _text.Length && (_text[i] == '$' || _text[i] == MetadataUrl.Hole))
            {
                call.HasComputedHeader = true;
            }
        }

        /// <summary>Finds the variable a call's output goes to: TOKEN=$(curl ...), $token = Invoke-RestMethod ..., $t = (irm ...).</summary>
        private string? AssignmentTarget(Frame frame, int wordStart)
        {
            var before = wordStart - 1;
            while (before >= frame.ContentStart && char.IsWhiteSpace(_text[before]))
            {
                before--;
            }

            if (before < frame.ContentStart && frame.Kind is FrameKind.Paren or FrameKind.DollarParen or FrameKind.Backtick)
            {
                return VariableAssignedBefore(frame.OpenPosition - 1);
            }

            return _powerShell ? VariableAssignedBefore(before) : null;
        }

        private string? VariableAssignedBefore(int i)
        {
            if (!_powerShell && i > 0 && _text[i] == '"')
            {
                // TOKEN="$(curl ...)"
                i--;
            }

            if (_powerShell)
            {
                while (i >= 0 && char.IsWhiteSpace(_text[i]))
                {
                    i--;
                }
            }

            if (i < 1 || _text[i] != '=' || "=!<>+-*/".IndexOf(_text[i - 1]) >= 0)
            {
                return null;
            }

            var nameEnd = i;
            if (_powerShell)
            {
                while (nameEnd > 0 && char.IsWhiteSpace(_text[nameEnd - 1]))
                {
                    nameEnd--;
                }
            }

            var nameStart = nameEnd;
            while (nameStart > 0 && (char.IsLetterOrDigit(_text[nameStart - 1]) || _text[nameStart - 1] == '_' || (_powerShell && _text[nameStart - 1] == ':')))
            {
                nameStart--;
            }

            if (nameStart == nameEnd)
            {
                return null;
            }

            if (_powerShell)
            {
                return nameStart > 0 && _text[nameStart - 1] == '$' ? _text.Substring(nameStart, nameEnd - nameStart) : null;
            }

            var atWordStart = nameStart == 0 || char.IsWhiteSpace(_text[nameStart - 1]) || IsSeparator(_text[nameStart - 1]);
            return atWordStart && !char.IsDigit(_text[nameStart]) ? _text.Substring(nameStart, nameEnd - nameStart) : null;
        }

        private int ReadHeredocStart(int i, int to)
        {
            if (i < to && _text[i] == '-')
            {
                i++;
            }

            i = SkipBlanks(i);
            var quote = i < to && (_text[i] == '\'' || _text[i] == '"') ? _text[i] : '\0';
            if (quote != '\0')
            {
                i++;
            }

            var start = i;
            while (i < to && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_'))
            {
                i++;
            }

            if (i > start)
            {
                _pendingHeredoc = _text.Substring(start, i - start);
            }

            return quote != '\0' && i < to && _text[i] == quote ? i + 1 : i;
        }

        private bool IsCodeArgument(int quote)
        {
            var end = quote;
            if (end == 0 || !char.IsWhiteSpace(_text[end - 1]))
            {
                return false;
            }

            while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && !char.IsWhiteSpace(_text[start - 1]))
            {
                start--;
            }

            foreach (var word in CodeArgumentWords)
            {
                if (end - start == word.Length && MetadataUrl.Matches(_text, start, word, word == "-c" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private void Push(FrameKind kind, char closer, int open, int contentStart, int call)
        {
            var top = Top;
            _frames.Add(new Frame(kind, closer, open, contentStart, call)
            {
                InDataQuote = top.InDataQuote || top.Kind == FrameKind.DataQuote,
            });
        }

        private void Pop()
        {
            EndCall(Top);
            _frames.RemoveAt(_frames.Count - 1);
        }

        private char Next(int i) => i + 1 < _text.Length ? _text[i + 1] : '\0';

        private int IndexOf(string value, int from, int to)
        {
            if (from >= to)
            {
                return -1;
            }

            var index = _text.IndexOf(value, from, to - from, StringComparison.Ordinal);
            return index >= 0 && index + value.Length <= to ? index : -1;
        }

        private bool IsBlank(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private int SkipBlanks(int i)
        {
            while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
            {
                i++;
            }

            return i;
        }

        private static bool IsSeparator(char c) => c == ';' || c == '|' || c == '&' || c == '(' || c == ')' || c == '{' || c == '}' || c == '`';

        private static bool IsCommentBoundary(char c) => char.IsWhiteSpace(c) || c == ';' || c == '|' || c == '&' || c == '(';

        private static bool IsCommandBoundaryBefore(char c) =>
            char.IsWhiteSpace(c) || IsSeparator(c) || c == '=' || c == '"' || c == '\'' || c == '!' || c == '/' || c == '\\';

        private static bool IsCommandBoundaryAfter(char c) =>
            char.IsWhiteSpace(c) || c == ';' || c == '|' || c == '&' || c == ')' || c == '}' || c == '`' || c == '"' || c == '\'';

        private sealed class Frame
        {
            public Frame(FrameKind kind, char closer, int openPosition, int contentStart, int call)
            {
                Kind = kind;
                Closer = closer;
                OpenPosition = openPosition;
                ContentStart = contentStart;
                Call = call;
            }

            public FrameKind Kind { get; }

            public char Closer { get; }

            public int OpenPosition { get; }

            public int ContentStart { get; }

            /// <summary>For command frames, the call whose arguments are being read; for data frames, the call they belong to.</summary>
            public int Call { get; set; }

            public bool ExpectCommand { get; set; } = true;

            public bool InDataQuote { get; set; }
        }
    }
}
