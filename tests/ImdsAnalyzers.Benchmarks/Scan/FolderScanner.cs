using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ImdsAnalyzers.Benchmarks.Analysis;
using ImdsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Scan;

/// <summary>
/// Runs every shipped analyzer over the C# files under a folder: one compilation per project directory
/// (the nearest folder holding a .csproj; files outside any project form one more), compiled against
/// the .NET reference assemblies plus the AWS SDK and CDK. Reports files, lines, each analyzer's
/// callback time (Roslyn's own telemetry) and the diagnostics by ID. The scanned code's other
/// dependencies are missing, so compiler errors are expected; the analyzers must cope with them.
/// </summary>
public static class FolderScanner
{
    private const int ExamplesPerId = 5;

    public static async Task<int> RunAsync(string folder, bool perFolder, bool withFloors)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"no such folder: {folder}");
            return 2;
        }

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(root, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var shipped = AnalyzerCatalog.Analyzers();
        var analyzers = shipped.Select(a => (DiagnosticAnalyzer)new CpuTimedAnalyzer(a)).ToImmutableArray();
        Console.WriteLine($"scan: {root}: {files.Count:N0} .cs files; analyzers: {string.Join(", ", shipped.Select(AnalyzerCatalog.NameOf))}");
        if (files.Count == 0 || analyzers.IsEmpty)
        {
            return files.Count == 0 ? 2 : 1;
        }

        var clock = Stopwatch.StartNew();
        var trees = ParseAll(files);
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine($"parsed {lines:N0} lines in {clock.Elapsed.TotalSeconds:F1} s");

        var groups = trees.GroupBy(t => perFolder ? Path.GetDirectoryName(t.FilePath)! : ProjectDirectory(root, t.FilePath)).ToList();
        var executionTime = analyzers.ToDictionary(a => a, _ => TimeSpan.Zero);
        var diagnostics = new List<Diagnostic>();
        var compilerErrors = 0;
        var analysisClock = Stopwatch.StartNew();
        var floors = new List<CpuTimedAnalyzer>();
        foreach (var group in groups)
        {
            var compilation = CSharpCompilation.Create(
                "Scan", group, CorpusReferences.Get(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            if (withFloors)
            {
                floors.AddRange(await RunFloorsAsync(compilation, shipped));
            }

            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                executionTime[analyzer] += telemetry.ExecutionTime;
            }

            diagnostics.AddRange(result.GetAllDiagnostics());
            compilerErrors += compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        }

        Report(root, files.Count, lines, groups.Count, compilerErrors, analysisClock.Elapsed, executionTime, floors, diagnostics);
        return diagnostics.Any(d => d.Id == "AD0001") ? 1 : 0;
    }

    /// <summary>Each analyzer's floor over the same compilation, timed the same way: the cost of the callbacks alone.</summary>
    private static async Task<IEnumerable<CpuTimedAnalyzer>> RunFloorsAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> shipped)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var floors = shipped
            .Select(a => new CpuTimedAnalyzer(new FloorAnalyzer(AnalyzerCatalog.NameOf(a), a.SupportedDiagnostics, RegistrationRecorder.Record(a, compilation, options))))
            .ToList();
        await compilation.WithAnalyzers(floors.ToImmutableArray<DiagnosticAnalyzer>(), options).GetAnalyzerDiagnosticsAsync();
        return floors;
    }

    private static void Report(string root, int files, int lines, int compilations, int compilerErrors, TimeSpan analysis,
        Dictionary<DiagnosticAnalyzer, TimeSpan> executionTime, List<CpuTimedAnalyzer> floors, List<Diagnostic> diagnostics)
    {
        Console.WriteLine($"{files:N0} files, {lines:N0} lines, {compilations} compilation(s), {compilerErrors:N0} compiler errors (dependencies outside the AWS SDK and CDK are not referenced)");
        Console.WriteLine($"compile + analyze (all analyzers, concurrent): {analysis.TotalSeconds:F1} s wall");
        Console.WriteLine();
        Console.WriteLine("| Analyzer | Callbacks | Time in callbacks (Roslyn telemetry, wall) | CPU time in callbacks | Floor's CPU time | CPU ms per 1,000 lines |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var floorByName = floors.GroupBy(f => ((FloorAnalyzer)f.Inner).Mirrors).ToDictionary(g => g.Key, g => g.Sum(f => f.CpuTime.TotalMilliseconds));
        foreach (var (analyzer, time) in executionTime.OrderBy(p => Name(p.Key), StringComparer.Ordinal))
        {
            var timed = (CpuTimedAnalyzer)analyzer;
            var cpu = timed.CpuTime.TotalMilliseconds;
            var floor = floorByName.TryGetValue(Name(analyzer), out var f) ? $"{f:N0} ms" : "(--with-floors)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Name(analyzer)} | {timed.Callbacks:N0} | {time.TotalMilliseconds:N0} ms | {cpu:N0} ms | {floor} | {cpu * 1000 / Math.Max(1, lines):F2} |"));
        }

        var total = executionTime.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var totalCpu = executionTime.Keys.Sum(a => ((CpuTimedAnalyzer)a).CpuTime.TotalMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {executionTime.Keys.Sum(a => ((CpuTimedAnalyzer)a).Callbacks):N0} | {total.TotalMilliseconds:N0} ms | {totalCpu:N0} ms | {(floors.Count > 0 ? $"{floorByName.Values.Sum():N0} ms" : "")} | {totalCpu * 1000 / Math.Max(1, lines):F2} |"));
        Console.WriteLine();

        var ours = diagnostics.Where(d => d.Id.StartsWith("IMDS", StringComparison.Ordinal) || d.Id == "AD0001").ToList();
        Console.WriteLine(ours.Count == 0 ? "diagnostics: none" : "diagnostics by ID:");
        foreach (var group in ours.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key}: {group.Count()}");
            foreach (var diagnostic in group.Take(ExamplesPerId))
            {
                var span = diagnostic.Location.GetLineSpan();
                Console.WriteLine($"    {Path.GetRelativePath(root, span.Path)}({span.StartLinePosition.Line + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static string Name(DiagnosticAnalyzer analyzer) => AnalyzerCatalog.NameOf(((CpuTimedAnalyzer)analyzer).Inner);

    private static List<SyntaxTree> ParseAll(List<string> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new ConcurrentBag<SyntaxTree>();
        Parallel.ForEach(files, path => trees.Add(CSharpSyntaxTree.ParseText(
            Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8), options, path)));
        return trees.OrderBy(t => t.FilePath, StringComparer.Ordinal).ToList();
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar);
        return relative.Any(part => part is "bin" or "obj" or ".git");
    }

    /// <summary>The nearest folder at or above the file, inside the scanned root, that holds a project file.</summary>
    private static string ProjectDirectory(string root, string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (ProjectFiles.GetOrAdd(directory, d => Directory.EnumerateFiles(d, "*.csproj").Any()))
            {
                return directory;
            }
        }

        return root;
    }

    private static readonly ConcurrentDictionary<string, bool> ProjectFiles = new(StringComparer.Ordinal);
}
