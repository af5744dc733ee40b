using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Scripts
{
    /// <summary>
    /// IMDS003: a shell or PowerShell script held in C# strings (EC2 user data, SSM commands, CDK
    /// UserData.AddCommands) calls the instance metadata service with curl, wget, Invoke-RestMethod or
    /// Invoke-WebRequest and no session token. Scripts are recognised by their content, not by the API
    /// they are passed to, so the rule needs no library and works on strings built anywhere.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ScriptMetadataCallAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: index of the call among the script's token-less calls, for the code fix.</summary>
        public const string CallIndexProperty = "CallIndex";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TokenlessMetadataCallInScript);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

            // One cache per compilation: a script spanning many literals is read once, not once per literal.
            // It cannot be static, because unchanged syntax trees are reused by the next compilation
            // while the constants they refer to may have changed.
            context.RegisterCompilationStartAction(start =>
            {
                var scripts = new ConcurrentDictionary<SyntaxNode, AnalyzedScript?>();

                // Text parts of interpolated strings are literal operations too, so this one kind sees every piece of script text.
                start.RegisterOperationAction(operation => AnalyzeLiteral(operation, scripts), OperationKind.Literal);
            });
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, ConcurrentDictionary<SyntaxNode, AnalyzedScript?> scripts)
        {
            if (context.Operation.ConstantValue is not { HasValue: true, Value: string text } || !MetadataUrl.MayOccurIn(text))
            {
                return;
            }

            var root = ScriptSource.FindRoot(context.Operation);
            var script = scripts.GetOrAdd(root.Operation.Syntax, _ => ScriptSource.Build(root) is { } built ? new AnalyzedScript(built) : null);
            if (script is null)
            {
                return;
            }

            // Every literal of the script that names the service shares the one reading of the script, and reports the calls whose URL it holds.
            var reported = script.CallsReportedBy(context.Operation.Syntax);
            for (var i = 0; i < reported.Count; i++)
            {
                var index = reported[i];
                var call = script.TokenlessCalls[index];
                var properties = ImmutableDictionary<string, string?>.Empty.Add(CallIndexProperty, index.ToString(CultureInfo.InvariantCulture));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenlessMetadataCallInScript, script.LocationOf(call), properties, script.CommandText(call)));
            }
        }
    }
}
