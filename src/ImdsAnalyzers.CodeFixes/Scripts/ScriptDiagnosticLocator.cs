using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ImdsAnalyzers.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ImdsAnalyzers.CodeFixes.Scripts
{
    /// <summary>
    /// Finds the script and call an IMDS003 diagnostic was reported for, by rebuilding the script from
    /// the string syntax around the diagnostic and matching the call's index and location.
    /// </summary>
    internal sealed class ScriptDiagnosticLocator
    {
        private readonly SyntaxNode _root;
        private readonly SemanticModel _model;
        private readonly Dictionary<TextSpan, AnalyzedScript> _scripts = new Dictionary<TextSpan, AnalyzedScript>();

        public ScriptDiagnosticLocator(SyntaxNode root, SemanticModel model)
        {
            _root = root;
            _model = model;
        }

        public bool TryLocate(Diagnostic diagnostic, CancellationToken cancellationToken, out AnalyzedScript script, out int callIndex)
        {
            script = null!;
            callIndex = -1;
            if (!diagnostic.Properties.TryGetValue(ScriptMetadataCallAnalyzer.CallIndexProperty, out var value)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out callIndex))
            {
                return false;
            }

            var span = diagnostic.Location.SourceSpan;
            for (var node = _root.FindToken(span.Start).Parent; node is not null && node is not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (!(node is InterpolatedStringExpressionSyntax || (node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))))
                {
                    continue;
                }

                var operation = _model.GetOperation(node, cancellationToken);
                var source = operation is null ? null : ScriptSource.Build(operation);
                if (source is null)
                {
                    continue;
                }

                if (!_scripts.TryGetValue(source.Span, out var candidate))
                {
                    candidate = new AnalyzedScript(source);
                    _scripts.Add(source.Span, candidate);
                }

                if (callIndex < candidate.TokenlessCalls.Count && candidate.LocationOf(candidate.TokenlessCalls[callIndex]).SourceSpan == span)
                {
                    script = candidate;
                    return true;
                }
            }

            return false;
        }
    }
}
