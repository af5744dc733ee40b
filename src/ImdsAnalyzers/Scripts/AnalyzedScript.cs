using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>A script, what the scanner found in it, and its token-less calls: shared by the analyzer and the code fix so both agree on locations.</summary>
    internal sealed class AnalyzedScript
    {
        private static readonly int[] NoCalls = new int[0];

        private readonly Dictionary<SyntaxNode, List<int>> _callsByReporter = new Dictionary<SyntaxNode, List<int>>();

        public AnalyzedScript(ScriptSource source)
        {
            Source = source;
            Scan = ScriptScanner.Scan(source.Text);
            TokenlessCalls = Scan.TokenlessCalls();
            for (var index = 0; index < TokenlessCalls.Count; index++)
            {
                var reporter = source.ReporterOf(TokenlessCalls[index].Url!.Value.HostStart);
                if (reporter is null)
                {
                    continue;
                }

                if (!_callsByReporter.TryGetValue(reporter, out var indices))
                {
                    indices = new List<int>();
                    _callsByReporter.Add(reporter, indices);
                }

                indices.Add(index);
            }
        }

        public ScriptSource Source { get; }

        public ScriptScan Scan { get; }

        public List<ScriptCall> TokenlessCalls { get; }

        /// <summary>
        /// Indices (into <see cref="TokenlessCalls"/>) of the calls a literal reports: those whose URL it
        /// holds. Each call is reported once, from inside its own span, so that analysing just that span
        /// (as the IDE does for a light bulb) reproduces the diagnostic.
        /// </summary>
        public IReadOnlyList<int> CallsReportedBy(SyntaxNode literal) => _callsByReporter.TryGetValue(literal, out var indices) ? indices : NoCalls;

        public Location LocationOf(ScriptCall call)
        {
            Scan.GetReportSpan(call, out var start, out var end);
            return Source.GetLocation(start, end);
        }

        public string CommandText(ScriptCall call) => Source.Text.Substring(call.CommandStart, call.CommandEnd - call.CommandStart);
    }
}
