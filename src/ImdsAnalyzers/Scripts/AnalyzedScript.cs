using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>A script, what the scanner found in it, and its token-less calls: shared by the analyzer and the code fix so both agree on locations.</summary>
    internal sealed class AnalyzedScript
    {
        public AnalyzedScript(ScriptSource source)
        {
            Source = source;
            Scan = ScriptScanner.Scan(source.Text);
            TokenlessCalls = Scan.TokenlessCalls();
        }

        public ScriptSource Source { get; }

        public ScriptScan Scan { get; }

        public List<ScriptCall> TokenlessCalls { get; }

        public Location LocationOf(ScriptCall call)
        {
            Scan.GetReportSpan(call, out var start, out var end);
            return Source.GetLocation(start, end);
        }

        public string CommandText(ScriptCall call) => Source.Text.Substring(call.CommandStart, call.CommandEnd - call.CommandStart);
    }
}
