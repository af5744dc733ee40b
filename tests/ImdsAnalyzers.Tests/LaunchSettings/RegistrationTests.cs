using System.Collections.Immutable;
using ImdsAnalyzers.Cdk;
using ImdsAnalyzers.LaunchSettings;
using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>
/// Which callbacks the launch analyzers register for a compilation: nothing without AWSSDK.EC2 or
/// Amazon.CDK.Lib, and only the parts whose library is referenced.
/// </summary>
public class RegistrationTests
{
    public static TheoryData<string, TestLibraries, string> Expectations() => new()
    {
        { nameof(LaunchSettingsAnalyzer), TestLibraries.None, "" },
        { nameof(CdkLaunchAnalyzer), TestLibraries.None, "" },
        { nameof(LaunchSettingsAnalyzer), TestLibraries.AwsSdk, "Operation:ObjectCreation, Operation:SimpleAssignment" },
        { nameof(CdkLaunchAnalyzer), TestLibraries.AwsSdk, "" },
        { nameof(LaunchSettingsAnalyzer), TestLibraries.Cdk, "Operation:SimpleAssignment" },
        { nameof(CdkLaunchAnalyzer), TestLibraries.Cdk, "CompilationEnd, Operation:Invocation, Operation:ObjectCreation" },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Registers_only_for_referenced_libraries(string analyzerName, TestLibraries libraries, string expected)
    {
        DiagnosticAnalyzer analyzer = analyzerName == nameof(CdkLaunchAnalyzer) ? new CdkLaunchAnalyzer() : new LaunchSettingsAnalyzer();
        var compilation = CSharpCompilation.Create(
            "Registration",
            new[] { CSharpSyntaxTree.ParseText("class C { }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }.Concat(TestReferences.For(libraries)));

        var context = new RecordingAnalysisContext();
        analyzer.Initialize(context);
        Assert.True(context.ConcurrentExecution);
        Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCode);
        var start = Assert.Single(context.CompilationStartActions);

        var startContext = new RecordingCompilationStartContext(compilation);
        start(startContext);
        Assert.Equal(expected, string.Join(", ", startContext.Registrations.Order(StringComparer.Ordinal)));
    }

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public bool ConcurrentExecution { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

        public override void EnableConcurrentExecution() => ConcurrentExecution = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unexpected();

        private static Exception Unexpected() => new InvalidOperationException("The launch analyzers register everything per compilation.");
    }

    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        public RecordingCompilationStartContext(Compilation compilation)
            : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
        {
        }

        public List<string> Registrations { get; } = new();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            foreach (var kind in operationKinds)
            {
                Registrations.Add("Operation:" + kind);
            }
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Registrations.Add("CompilationEnd");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registrations.Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registrations.Add("Symbol");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registrations.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registrations.Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registrations.Add("SyntaxTree");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registrations.Add("SyntaxNode");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registrations.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registrations.Add("OperationBlock");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registrations.Add("SymbolStart");
    }
}
