using System;
using System.Collections.Generic;
using ImdsAnalyzers.MetadataCalls;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>What the scanner found in one script: its lines and its HTTP calls.</summary>
    internal sealed class ScriptScan
    {
        public const string TokenHeader = MetadataHeaders.Token;
        public const string TtlSuffix = "-ttl-seconds";

        public ScriptScan(string text, bool isPowerShell, IReadOnlyList<ScriptLine> lines, IReadOnlyList<ScriptCall> calls)
        {
            Text = text;
            IsPowerShell = isPowerShell;
            Lines = lines;
            Calls = calls;
            MentionsTokenHeader = FindsTokenHeader(text);
        }

        public string Text { get; }

        public bool IsPowerShell { get; }

        public IReadOnlyList<ScriptLine> Lines { get; }

        public IReadOnlyList<ScriptCall> Calls { get; }

        /// <summary>The script names the token header somewhere, e.g. when it builds a header variable.</summary>
        public bool MentionsTokenHeader { get; }

        /// <summary>
        /// A call is token-less when it requests an AWS metadata path and sends no token header. A
        /// header the script computes (-H "$AUTH") counts as a token when the script builds one anywhere.
        /// </summary>
        public bool IsTokenless(ScriptCall call) =>
            call.IsMetadataRequest && !call.HasTokenHeader && !(call.HasComputedHeader && MentionsTokenHeader);

        /// <summary>The token-less calls, in script order; a diagnostic refers to one by its index here.</summary>
        public List<ScriptCall> TokenlessCalls()
        {
            var result = new List<ScriptCall>();
            foreach (var call in Calls)
            {
                if (IsTokenless(call))
                {
                    result.Add(call);
                }
            }

            return result;
        }

        /// <summary>Script span reported for a call: its line, through the line holding its URL.</summary>
        public void GetReportSpan(ScriptCall call, out int start, out int end)
        {
            var first = Lines[call.Line];
            var last = call.Url is { } url ? Lines[LineIndexAt(Math.Max(call.CommandEnd, url.HostEnd) - 1)] : first;
            start = first.ContentStart;
            end = Math.Max(first.ContentEnd, last.ContentEnd);
        }

        public int LineIndexAt(int offset)
        {
            var low = 0;
            var high = Lines.Count - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Lines[middle].Start <= offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        /// <summary>The token header's name at <paramref name="index"/>, and not the start of the TTL header's.</summary>
        internal static bool IsTokenHeaderAt(string text, int index) =>
            MetadataUrl.Matches(text, index, TokenHeader, StringComparison.OrdinalIgnoreCase)
            && !MetadataUrl.Matches(text, index + TokenHeader.Length, TtlSuffix, StringComparison.OrdinalIgnoreCase);

        private static bool FindsTokenHeader(string text)
        {
            var index = text.IndexOf(TokenHeader, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                if (IsTokenHeaderAt(text, index))
                {
                    return true;
                }

                index = text.IndexOf(TokenHeader, index + TokenHeader.Length, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }
    }
}
