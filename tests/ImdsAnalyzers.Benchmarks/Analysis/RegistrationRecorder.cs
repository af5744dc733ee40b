using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Learns which callbacks an analyzer registers for a given compilation by running its Initialize
/// and compilation-start actions against recording contexts. The floor analyzer then registers
/// exactly these, with empty bodies.
/// </summary>
public static class RegistrationRecorder
{
    public static Registrations Record(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        // Top-level and per-compilation registrations land in one record: the driver charges them alike.
        var recorded = new Registrations();
        var context = new RecordingAnalysisContext(recorded);
        analyzer.Initialize(context);

        recorded.CompilationStartActions = context.StartActions.Count;
        foreach (var start in context.StartActions)
        {
            start(new RecordingStartContext(recorded, compilation, options));
        }

        return recorded;
    }

    private sealed class RecordingAnalysisContext(Registrations recorded) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => recorded.CompilationEndActions++;
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recorded.SemanticModelActions++;
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => recorded.SymbolActions.Add(symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => recorded.SymbolStartActions.Add(symbolKind);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => recorded.CodeBlockStartActions++;
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recorded.CodeBlockActions++;
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recorded.SyntaxTreeActions++;
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recorded.AdditionalFileActions++;
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => recorded.SyntaxNodeActions.Add(AsCSharp(syntaxKinds));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => recorded.OperationActions.Add(operationKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => recorded.OperationBlockStartActions++;
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recorded.OperationBlockActions++;
        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }
    }

    private sealed class RecordingStartContext(Registrations recorded, Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => recorded.CompilationEndActions++;
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recorded.SemanticModelActions++;
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => recorded.SymbolActions.Add(symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => recorded.SymbolStartActions.Add(symbolKind);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => recorded.CodeBlockStartActions++;
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recorded.CodeBlockActions++;
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recorded.SyntaxTreeActions++;
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recorded.AdditionalFileActions++;
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => recorded.SyntaxNodeActions.Add(AsCSharp(syntaxKinds));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => recorded.OperationActions.Add(operationKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => recorded.OperationBlockStartActions++;
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recorded.OperationBlockActions++;
    }

    private static ImmutableArray<SyntaxKind> AsCSharp<TLanguageKindEnum>(ImmutableArray<TLanguageKindEnum> kinds) where TLanguageKindEnum : struct =>
        kinds is ImmutableArray<SyntaxKind> csharp ? csharp : ImmutableArray<SyntaxKind>.Empty;
}
