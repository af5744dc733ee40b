using System;
using System.Collections.Generic;
using System.Linq;
using ImdsAnalyzers.MetadataCalls;
using ImdsAnalyzers.Scripts;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>
    /// Decides how a script is rewritten to the token form: one token fetch per script (or the
    /// script's own, when it already fetches one earlier), and the token header on every fixed call.
    /// A call is left alone rather than rewritten into something that might not run.
    /// </summary>
    internal static class ScriptTokenPlanner
    {
        private const string DefaultHost = MetadataUrl.IPv4Host;

        private enum CallStyle
        {
            None,
            Curl,
            Wget,
            Cmdlet,
        }

        public static ScriptEdit? Plan(AnalyzedScript script, IEnumerable<int> callIndices)
        {
            var scan = script.Scan;
            var edit = new ScriptEdit(script);
            string? variable = null;
            foreach (var index in callIndices.Distinct().OrderBy(i => i))
            {
                if (index < 0 || index >= script.TokenlessCalls.Count)
                {
                    continue;
                }

                var call = script.TokenlessCalls[index];
                var style = StyleOf(call, scan.IsPowerShell);
                if (call.FixBlocked || style == CallStyle.None)
                {
                    continue;
                }

                var pending = new List<LiteralInsertion>();
                ElementInsertion? newElement = null;
                var callVariable = variable ?? ExistingTokenVariable(scan, call);
                if (callVariable is null)
                {
                    callVariable = NewVariableName(scan);
                    if (!TryPlanTokenFetch(script, call, callVariable, pending, out newElement))
                    {
                        continue;
                    }
                }

                if (!TryPlanHeader(script.Source, call, style, callVariable, pending))
                {
                    continue;
                }

                edit.Insertions.AddRange(pending);
                if (newElement is not null)
                {
                    edit.NewElements.Add(newElement);
                }

                variable = callVariable;
            }

            return edit.IsEmpty ? null : edit;
        }

        /// <summary>The line that fetches a token, in the script's language, against the host the call uses.</summary>
        private static string TokenFetch(bool powerShell, string variable, string host) =>
            powerShell
                ? "$" + variable + " = Invoke-RestMethod -Method PUT -Uri http://" + host + "/latest/api/token -Headers @{\"" + MetadataHeaders.TokenTtlSeconds + "\" = \"" + MetadataHeaders.DefaultTtlSecondsText + "\"}"
                : variable + "=$(curl -s -X PUT http://" + host + "/latest/api/token -H \"" + MetadataHeaders.TokenTtlSeconds + ": " + MetadataHeaders.DefaultTtlSecondsText + "\")";

        private static CallStyle StyleOf(ScriptCall call, bool powerShell)
        {
            if (call.IsCmdlet)
            {
                return powerShell ? CallStyle.Cmdlet : CallStyle.None;
            }

            var native = call.Command == ScriptCommand.Curl ? CallStyle.Curl : CallStyle.Wget;
            var looksLikeCmdlet = call.HasPowerShellParameters && !call.HasNativeOptions;
            if (call.IsExe)
            {
                return native;
            }

            if (!powerShell)
            {
                return looksLikeCmdlet ? CallStyle.None : native;
            }

            // In Windows PowerShell, bare curl and wget are aliases of Invoke-WebRequest; in PowerShell 7
            // on Linux they are the real programs. Only the arguments tell which one the author meant.
            if (looksLikeCmdlet)
            {
                return CallStyle.Cmdlet;
            }

            return call.HasNativeOptions && !call.HasPowerShellParameters ? native : CallStyle.None;
        }

        private static bool TryPlanTokenFetch(AnalyzedScript script, ScriptCall call, string variable, List<LiteralInsertion> pending, out ElementInsertion? newElement)
        {
            newElement = null;
            var source = script.Source;
            var scan = script.Scan;
            var line = InsertionLine(scan, call);
            var fetch = TokenFetch(scan.IsPowerShell, variable, HostOf(call, source.Text));

            if (source.IsCollection && (line.Start == 0 || source.PieceAt(line.Start - 1).Kind == ScriptPieceKind.Separator))
            {
                // One command per element (AddCommands("...", "..."), an SSM commands list): the fetch is a command of its own.
                newElement = new ElementInsertion(source.PieceAt(line.Start).Element, fetch);
                return true;
            }

            var text = !source.IsCollection && source.Text.IndexOf('\n') < 0
                ? fetch + "; "
                : fetch + NewLineAt(source.Text, line) + source.Text.Substring(line.Start, line.ContentStart - line.Start);
            return TryInsert(source, line.ContentStart, anchorAfter: false, text, pending);
        }

        private static bool TryPlanHeader(ScriptSource source, ScriptCall call, CallStyle style, string variable, List<LiteralInsertion> pending)
        {
            var reference = "$" + variable;
            switch (style)
            {
                case CallStyle.Curl:
                    return TryInsert(source, call.CommandEnd, anchorAfter: true, " -H \"" + ScriptScan.TokenHeader + ": " + reference + "\"", pending);
                case CallStyle.Wget:
                    return TryInsert(source, call.CommandEnd, anchorAfter: true, " --header=\"" + ScriptScan.TokenHeader + ": " + reference + "\"", pending);
                default:
                    if (call.HeadersHashtableInsert >= 0)
                    {
                        return TryInsert(source, call.HeadersHashtableInsert, anchorAfter: true, "\"" + ScriptScan.TokenHeader + "\" = " + reference + "; ", pending);
                    }

                    // A second -Headers argument would make the cmdlet fail; a computed one cannot be merged into.
                    return !call.HasHeadersParameter
                        && TryInsert(source, call.CommandEnd, anchorAfter: true, " -Headers @{\"" + ScriptScan.TokenHeader + "\" = " + reference + "}", pending);
            }
        }

        /// <summary>
        /// Text goes into the literal that holds the character next to <paramref name="offset"/>: the one
        /// after it for a line start, the one before it for text appended to a command word.
        /// </summary>
        private static bool TryInsert(ScriptSource source, int offset, bool anchorAfter, string text, List<LiteralInsertion> pending)
        {
            var at = anchorAfter ? offset - 1 : offset;
            if (at < 0 || at >= source.Text.Length)
            {
                return false;
            }

            var piece = source.PieceAt(at);
            if (!piece.IsMapped || piece.Literal!.Encode(text) is null)
            {
                return false;
            }

            pending.Add(new LiteralInsertion(piece, offset - piece.Start, text));
            return true;
        }

        /// <summary>
        /// The token fetch goes before the call's line, or before the statement that encloses it when the
        /// call sits inside a block, loop or bracket, so that every later call in the script can use it.
        /// </summary>
        private static ScriptLine InsertionLine(ScriptScan scan, ScriptCall call)
        {
            for (var i = call.Line; i >= 0; i--)
            {
                var line = scan.Lines[i];
                if (line.Kind == ScriptLineKind.Code && line.IsTopLevel)
                {
                    return line;
                }
            }

            return scan.Lines[call.Line];
        }

        private static string? ExistingTokenVariable(ScriptScan scan, ScriptCall call)
        {
            string? found = null;
            foreach (var candidate in scan.Calls)
            {
                if (candidate.CommandStart >= call.CommandStart)
                {
                    break;
                }

                // Invoke-WebRequest returns a response object, not the token text.
                if (candidate.IsTokenRequest && candidate.AssignedVariable is { } name && candidate.Command != ScriptCommand.InvokeWebRequest)
                {
                    found = name;
                }
            }

            return found;
        }

        private static string NewVariableName(ScriptScan scan)
        {
            var candidates = scan.IsPowerShell
                ? new[] { "token", "imdsToken", "imdsSessionToken" }
                : new[] { "TOKEN", "IMDS_TOKEN", "IMDS_SESSION_TOKEN" };
            foreach (var name in candidates)
            {
                if (!IsUsedOtherwise(scan, name))
                {
                    return name;
                }
            }

            var suffix = 2;
            while (IsUsedOtherwise(scan, candidates[candidates.Length - 1] + suffix))
            {
                suffix++;
            }

            return candidates[candidates.Length - 1] + suffix;
        }

        /// <summary>The script uses the name for something other than an instance metadata token.</summary>
        private static bool IsUsedOtherwise(ScriptScan scan, string name)
        {
            var comparison = scan.IsPowerShell ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var call in scan.Calls)
            {
                if (call.IsTokenRequest && string.Equals(call.AssignedVariable, name, comparison))
                {
                    return false;
                }
            }

            // PowerShell variables always carry '$'; shell ones do where they are read, but not where they are set.
            var text = scan.Text;
            var word = scan.IsPowerShell ? "$" + name : name;
            var index = text.IndexOf(word, comparison);
            while (index >= 0)
            {
                var end = index + word.Length;
                if ((index == 0 || !IsIdentifierChar(text[index - 1])) && (end == text.Length || !IsIdentifierChar(text[end])))
                {
                    return true;
                }

                index = text.IndexOf(word, end, comparison);
            }

            return false;
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

        private static string HostOf(ScriptCall call, string text)
        {
            var url = call.Url!.Value;
            var host = text.Substring(url.HostStart, url.HostEnd - url.HostStart);
            return host.IndexOf(MetadataUrl.Hole) >= 0 ? DefaultHost : host;
        }

        private static string NewLineAt(string text, ScriptLine line)
        {
            if (line.End < text.Length && text[line.End] == '\r')
            {
                return "\r\n";
            }

            var newLine = text.IndexOf('\n');
            return newLine > 0 && text[newLine - 1] == '\r' ? "\r\n" : "\n";
        }
    }
}
