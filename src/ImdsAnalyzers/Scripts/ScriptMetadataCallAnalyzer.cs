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

            // Text parts of interpolated strings are literal operations too, so this one kind sees every piece of script text.
            context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context)
        {
            if (context.Operation.ConstantValue is not { HasValue: true, Value: string text } || !MetadataUrl.MayOccurIn(text))
            {
                return;
            }

            var source = ScriptSource.Build(context.Operation);
            if (source is null)
            {
                return;
            }

            // Every literal of the script that names the service reads the whole script, but reports
            // only the calls whose URL it holds: each call is reported once, from inside its own span.
            var script = new AnalyzedScript(source);
            for (var index = 0; index < script.TokenlessCalls.Count; index++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var call = script.TokenlessCalls[index];
                if (source.ReporterOf(call.Url!.Value.HostStart) != context.Operation.Syntax)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(CallIndexProperty, index.ToString(CultureInfo.InvariantCulture));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenlessMetadataCallInScript, script.LocationOf(call), properties, script.CommandText(call)));
            }
        }
    }
}
