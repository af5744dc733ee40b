using System.Collections.Immutable;
using ImdsAnalyzers.Tests.Infrastructure;
using ImdsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer over one source and, where a diagnostic can be fixed, every code action offered
/// for it. Reports analyzer exceptions (AD0001 or the driver's exception callback), code-fix exceptions,
/// and fixes that leave compiling code no longer compiling. One instance per worker thread.
/// </summary>
public sealed class VariantChecker
{
    /// <summary>What an SDK-style project adds implicitly; the samples rely on it.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly ImmutableArray<MetadataReference> References =
        WorkspaceFixer.FrameworkReferences().AddRange(TestReferences.AwsSdk).AddRange(TestReferences.Cdk);

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixes;
    private readonly CSharpCompilation _library;
    private readonly CSharpCompilation _program;
    private readonly SyntaxTree _implicitUsings = CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.g.cs");

    public VariantChecker(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes)
    {
        _analyzers = analyzers;
        _fixes = fixes;

        // Later compilations are made from these two, so the referenced assemblies are loaded once.
        _library = CSharpCompilation.Create("Fuzz", new[] { _implicitUsings }, References, Options(OutputKind.DynamicallyLinkedLibrary));
        _program = _library.WithOptions(Options(OutputKind.ConsoleApplication));
    }

    public int FixesApplied { get; private set; }

    /// <summary>The first compiler error of the last source checked, if any.</summary>
    public string? FirstError { get; private set; }

    public int CompilingVariants { get; private set; }

    public int Diagnostics { get; private set; }

    /// <summary>Exceptions that Roslyn itself raises, whatever the fix did; counted and shown, not failed.</summary>
    public int KnownRoslynIssues { get; private set; }

    /// <param name="fixLimit">How many fixable diagnostics of this source get their fixes applied.</param>
    public async Task<IReadOnlyList<string>> CheckAsync(string source, int fixLimit, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, "Variant.cs", cancellationToken: cancellationToken);
        var isProgram = tree.GetRoot(cancellationToken).ChildNodes().Any(n => n.IsKind(SyntaxKind.GlobalStatement));
        var compilation = (isProgram ? _program : _library).AddSyntaxTrees(tree);
        var firstError = compilation.GetDiagnostics(cancellationToken).FirstOrDefault(IsError);
        var compiles = firstError is null;
        FirstError = firstError?.ToString();
        if (compiles)
        {
            CompilingVariants++;
        }

        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name} threw {exception}"); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        problems.AddRange(exceptions);
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage()));
        Diagnostics += diagnostics.Length;

        if (fixLimit > 0 && diagnostics.Any(d => _fixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))))
        {
            await CheckFixesAsync(source, isProgram, compiles, fixLimit, problems, cancellationToken).ConfigureAwait(false);
        }

        return problems;
    }

    /// <summary>Fixes run in a workspace, on diagnostics computed there, so every location points into the fixed document.</summary>
    private async Task CheckFixesAsync(string source, bool isProgram, bool compiles, int fixLimit, List<string> problems, CancellationToken cancellationToken)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
                compilationOptions: Options(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary),
                parseOptions: ParseOptions,
                metadataReferences: References))
            .AddDocument(DocumentId.CreateNewId(projectId), "ImplicitUsings.g.cs", ImplicitUsings)
            .AddDocument(documentId, "Variant.cs", source);
        var document = solution.GetDocument(documentId)!;
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = await compilation!.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var fixable = diagnostics.Where(d => d.Location.SourceTree == tree && _fixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).ToList();

        // Spread over the source rather than always the first findings.
        var step = Math.Max(1, fixable.Count / fixLimit);
        foreach (var diagnostic in fixable.Where((_, i) => i % step == 0).Take(fixLimit))
        {
            foreach (var fix in _fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await CheckFixAsync(document, compiles, diagnostic, fix, problems, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CheckFixAsync(Document document, bool compiles, Diagnostic diagnostic, CodeFixProvider fix, List<string> problems, CancellationToken cancellationToken)
    {
        var fixName = fix.GetType().Name;
        var where = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
        try
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            foreach (var action in Flatten(actions))
            {
                var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var apply in operations.OfType<ApplyChangesOperation>())
                {
                    FixesApplied++;
                    if (!compiles)
                    {
                        continue;
                    }

                    var project = apply.ChangedSolution.GetProject(document.Project.Id)!;
                    var changed = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                    var errors = changed!.GetDiagnostics(cancellationToken).Where(IsError).ToList();
                    if (errors.Count > 0)
                    {
                        var fixedText = await project.GetDocument(document.Id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        problems.Add($"{fixName} '{action.Title}' for {where} broke compiling code: {string.Join("; ", errors.Take(5))}\n--- fixed code:\n{fixedText}");
                    }
                }
            }
        }
        catch (Exception exception) when (IsKnownRoslynIssue(exception))
        {
            KnownRoslynIssues++;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            problems.Add($"{fixName} threw on {where}: {exception}");
        }
    }

    /// <summary>
    /// The simplifier's speculative binding of a top-level local function named Main asks the compilation for
    /// a binder of a tree it does not hold (Roslyn 4.14). Only broken code has such a function; the exception
    /// is raised after the fix returned, inside Roslyn's own clean-up, and names no frame of ours.
    /// </summary>
    private static bool IsKnownRoslynIssue(Exception exception) =>
        exception is KeyNotFoundException
        && exception.Message.StartsWith("Syntax tree not found", StringComparison.Ordinal)
        && exception.StackTrace is { } stack
        && stack.Contains("CSharpCompilation.HasEntryPointSignature", StringComparison.Ordinal)
        && stack.Contains("Simplification", StringComparison.Ordinal)
        && !stack.Contains("at ImdsAnalyzers.", StringComparison.Ordinal);

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static CSharpCompilationOptions Options(OutputKind kind) =>
        new(kind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
}
