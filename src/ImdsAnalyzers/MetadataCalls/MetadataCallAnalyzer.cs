using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// IMDS001 (a metadata request without a session token) and IMDS002 (a malformed token request).
    /// Both judge the same thing, a request sent to the metadata service, so one analyzer builds the
    /// request once and both rules read it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MetadataCallAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>IMDS001 property: the name of the sending method, e.g. "GetStringAsync".</summary>
        public const string SenderProperty = "Sender";

        /// <summary>IMDS001 property: the full URL, present only when all of it is known at compile time.</summary>
        public const string UrlProperty = "Url";

        /// <summary>IMDS002 property: comma-separated subset of Method, MissingTtl, TtlOutOfRange, ForwardedFor, DatedPath.</summary>
        public const string ProblemsProperty = TokenRequestCheck.ProblemsProperty;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TokenlessMetadataRequest, Descriptors.MalformedTokenRequest);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = KnownHttpTypes.TryCreate(context.Compilation);
            if (types is null)
            {
                return;
            }

            var cache = new BodyIndex.Cache();
            context.RegisterOperationAction(c => AnalyzeInvocation(c, types, cache), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownHttpTypes types, BodyIndex.Cache cache)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var kind = SenderTable.Classify(invocation.TargetMethod, types);
            if (kind == SenderKind.None)
            {
                return;
            }

            var request = new MetadataRequestBuilder(types, cache, context.CancellationToken).TryBuild(invocation, kind);
            if (request is null)
            {
                return;
            }

            if (request.Match.Kind == MetadataPathKind.Token)
            {
                ReportMalformedTokenRequest(context, request);
            }
            else if (request.IsTokenlessDataRequest())
            {
                ReportTokenlessRequest(context, request);
            }
        }

        private static void ReportTokenlessRequest(OperationAnalysisContext context, MetadataRequest request)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(SenderProperty, request.Send.TargetMethod.Name);
            if (request.Url.IsComplete)
            {
                properties.Add(UrlProperty, request.Url.Text);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TokenlessMetadataRequest,
                request.Send.Syntax.GetLocation(),
                properties.ToImmutable(),
                request.SenderDisplayName,
                request.Url.Text));
        }

        private static void ReportMalformedTokenRequest(OperationAnalysisContext context, MetadataRequest request)
        {
            var problems = TokenRequestCheck.Find(request);
            if (problems == TokenRequestProblems.None)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(ProblemsProperty, TokenRequestCheck.ToPropertyValue(problems));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MalformedTokenRequest,
                request.Send.Syntax.GetLocation(),
                properties,
                request.Url.Text,
                TokenRequestCheck.Describe(problems, request.Method)));
        }
    }
}
