using System.Collections.Immutable;
using ImdsAnalyzers.Benchmarks.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Wraps an analyzer and adds up the thread CPU time spent in its callbacks. Roslyn's own telemetry
/// times callbacks with a wall clock, which on a shared machine also counts the time a preempted
/// callback waited for a core; thread CPU time does not. Callbacks registered inside symbol-start,
/// code-block-start and operation-block-start actions are not timed (none of ours uses them).
/// </summary>
// A pass-through: the wrapped analyzer makes its own concurrency and generated-code choices, and is
// never loaded from an assembly by a compiler.
#pragma warning disable RS1001, RS1012, RS1025, RS1026
public sealed class CpuTimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long _nanoseconds;
    private long _callbacks;

    public DiagnosticAnalyzer Inner { get; } = inner;

    public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _nanoseconds) / 100);

    public long Callbacks => Interlocked.Read(ref _callbacks);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new TimingContext(context, this));

    public void Reset()
    {
        Interlocked.Exchange(ref _nanoseconds, 0);
        Interlocked.Exchange(ref _callbacks, 0);
    }

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var start = ProcessCpuClock.ThreadNanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _nanoseconds, ProcessCpuClock.ThreadNanoseconds() - start);
            Interlocked.Increment(ref _callbacks);
        }
    };

    private sealed class TimingContext(AnalysisContext real, CpuTimedAnalyzer owner) : AnalysisContext
    {
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            real.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(start => action(new TimingStartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => real.RegisterCompilationAction(owner.Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => real.RegisterSemanticModelAction(owner.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => real.RegisterSymbolAction(owner.Timed(action), symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => real.RegisterSymbolStartAction(owner.Timed(action), symbolKind);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => real.RegisterCodeBlockStartAction(owner.Timed(action));
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => real.RegisterCodeBlockAction(owner.Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => real.RegisterSyntaxTreeAction(owner.Timed(action));
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => real.RegisterAdditionalFileAction(owner.Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => real.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => real.RegisterOperationAction(owner.Timed(action), operationKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => real.RegisterOperationBlockStartAction(owner.Timed(action));
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => real.RegisterOperationBlockAction(owner.Timed(action));
        public override void EnableConcurrentExecution() => real.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => real.ConfigureGeneratedCodeAnalysis(analysisMode);
    }

    private sealed class TimingStartContext(CompilationStartAnalysisContext real, CpuTimedAnalyzer owner)
        : CompilationStartAnalysisContext(real.Compilation, real.Options, real.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => real.RegisterCompilationEndAction(owner.Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => real.RegisterSemanticModelAction(owner.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => real.RegisterSymbolAction(owner.Timed(action), symbolKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => real.RegisterSymbolStartAction(owner.Timed(action), symbolKind);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => real.RegisterCodeBlockStartAction(owner.Timed(action));
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => real.RegisterCodeBlockAction(owner.Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => real.RegisterSyntaxTreeAction(owner.Timed(action));
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => real.RegisterAdditionalFileAction(owner.Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => real.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => real.RegisterOperationAction(owner.Timed(action), operationKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => real.RegisterOperationBlockStartAction(owner.Timed(action));
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => real.RegisterOperationBlockAction(owner.Timed(action));
    }
}
