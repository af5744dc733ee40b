using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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

            var source = ScriptSource.ForOwningLiteral((ILiteralOperation)context.Operation);
            if (source is null)
            {
                return;
            }

            var scan = ScriptScanner.Scan(source.Text);
            var calls = scan.TokenlessCalls();
            for (var index = 0; index < calls.Count; index++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var call = calls[index];
                scan.GetReportSpan(call, out var start, out var end);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(CallIndexProperty, index.ToString(CultureInfo.InvariantCulture));
                var command = source.Text.Substring(call.CommandStart, call.CommandEnd - call.CommandStart);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TokenlessMetadataCallInScript, source.GetLocation(start, end), properties, command));
            }
        }
    }
}
