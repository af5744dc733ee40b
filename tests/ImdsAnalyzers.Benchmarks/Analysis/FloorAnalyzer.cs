using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The cheapest analyzer that could do a real analyzer's job: it declares the same diagnostics and
/// registers the same callbacks on the same operation, syntax and symbol kinds, and does nothing in
/// them. What it costs is what the compiler and the analyzer driver charge any such analyzer
/// (IOperation trees, callback dispatch); what a real analyzer adds on top is its own work.
/// </summary>
// Never loaded by a compiler from an assembly, so it needs no [DiagnosticAnalyzer] attribute.
#pragma warning disable RS1001
public sealed class FloorAnalyzer(string mirrors, ImmutableArray<DiagnosticDescriptor> supported, Registrations registrations) : DiagnosticAnalyzer
{
    private static readonly Action<OperationAnalysisContext> NoOperation = _ => { };
    private static readonly Action<SyntaxNodeAnalysisContext> NoSyntaxNode = _ => { };
    private static readonly Action<SymbolAnalysisContext> NoSymbol = _ => { };
    private static readonly Action<SymbolStartAnalysisContext> NoSymbolStart = _ => { };
    private static readonly Action<CompilationAnalysisContext> NoCompilation = _ => { };
    private static readonly Action<SemanticModelAnalysisContext> NoSemanticModel = _ => { };
    private static readonly Action<SyntaxTreeAnalysisContext> NoSyntaxTree = _ => { };
    private static readonly Action<CodeBlockAnalysisContext> NoCodeBlock = _ => { };
    private static readonly Action<CodeBlockStartAnalysisContext<SyntaxKind>> NoCodeBlockStart = _ => { };
    private static readonly Action<OperationBlockAnalysisContext> NoOperationBlock = _ => { };
    private static readonly Action<OperationBlockStartAnalysisContext> NoOperationBlockStart = _ => { };
    private static readonly Action<AdditionalFileAnalysisContext> NoAdditionalFile = _ => { };

    public string Mirrors { get; } = mirrors;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = supported;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        if (registrations.IsEmpty)
        {
            return;
        }

        // Top-level registrations were folded into the first compilation-start action: same callbacks, same cost.
        context.RegisterCompilationStartAction(start => RegisterPerCompilation(start, registrations));
        for (var i = 1; i < registrations.CompilationStartActions; i++)
        {
#pragma warning disable RS1012 // mirrors a real analyzer's extra start actions, which the driver charges for
            context.RegisterCompilationStartAction(static _ => { });
#pragma warning restore RS1012
        }
    }

    private static void RegisterPerCompilation(CompilationStartAnalysisContext context, Registrations r)
    {
        foreach (var kinds in r.OperationActions)
        {
            context.RegisterOperationAction(NoOperation, kinds);
        }

        foreach (var kinds in r.SyntaxNodeActions)
        {
            context.RegisterSyntaxNodeAction(NoSyntaxNode, kinds);
        }

        foreach (var kinds in r.SymbolActions)
        {
            context.RegisterSymbolAction(NoSymbol, kinds);
        }

        foreach (var kind in r.SymbolStartActions)
        {
            context.RegisterSymbolStartAction(NoSymbolStart, kind);
        }

        Repeat(r.CompilationEndActions, () => context.RegisterCompilationEndAction(NoCompilation));
        Repeat(r.SemanticModelActions, () => context.RegisterSemanticModelAction(NoSemanticModel));
        Repeat(r.SyntaxTreeActions, () => context.RegisterSyntaxTreeAction(NoSyntaxTree));
        Repeat(r.CodeBlockActions, () => context.RegisterCodeBlockAction(NoCodeBlock));
        Repeat(r.CodeBlockStartActions, () => context.RegisterCodeBlockStartAction(NoCodeBlockStart));
        Repeat(r.OperationBlockActions, () => context.RegisterOperationBlockAction(NoOperationBlock));
        Repeat(r.OperationBlockStartActions, () => context.RegisterOperationBlockStartAction(NoOperationBlockStart));
        Repeat(r.AdditionalFileActions, () => context.RegisterAdditionalFileAction(NoAdditionalFile));
    }

    private static void Repeat(int count, Action register)
    {
        for (var i = 0; i < count; i++)
        {
            register();
        }
    }
}
