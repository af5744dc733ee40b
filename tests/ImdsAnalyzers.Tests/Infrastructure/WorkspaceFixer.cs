using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way the IDE does, one diagnostic at a time, to a real project's
/// sources compiled against the running framework, until the analyzer reports nothing more.
/// </summary>
public static class WorkspaceFixer
{
    public static async Task<IReadOnlyDictionary<string, string>> FixUntilCleanAsync(
        IReadOnlyDictionary<string, string> sources,
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fixer,
        string equivalenceKey,
        int maxIterations = 50)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Fixed", "Fixed", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: FrameworkReferences()));
        foreach (var (name, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, text);
        }

        for (var i = 0; i < maxIterations; i++)
        {
            var project = solution.GetProject(projectId)!;
            var diagnostics = await AnalyzeAsync(project, analyzer);
            var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToArray();
            if (fixable.Length == 0)
            {
                return project.Documents.ToDictionary(d => d.Name, d => d.GetTextAsync().Result.ToString());
            }

            var diagnostic = fixable[0];
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            var action = actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey)
                ?? throw new InvalidOperationException($"No '{equivalenceKey}' fix offered for {diagnostic}");
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException($"Still reporting after {maxIterations} fixes.");
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, DiagnosticAnalyzer analyzer)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The sources do not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }

        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer));
        var result = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var analyzerErrors = result.Where(d => d.Id == "AD0001").ToArray();
        return analyzerErrors.Length > 0
            ? throw new InvalidOperationException("Analyzer failed: " + string.Join(Environment.NewLine, analyzerErrors.Select(e => e.ToString())))
            : result;
    }

    /// <summary>The running .NET's own assemblies: the program compiles against what it will run on.</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
}
