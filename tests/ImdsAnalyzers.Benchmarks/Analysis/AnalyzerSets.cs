using System.Collections.Immutable;
using ImdsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The analyzer sets measured side by side: none, each shipped analyzer alone, its floor, all of
/// them, and all their floors. The floors are built against the compilation they will run on, so
/// they register what the real analyzers register there.
/// </summary>
public sealed class AnalyzerSets
{
    public const string CompileOnly = "compile";
    public const string All = "all";
    public const string FloorPrefix = "floor:";
    public const string AllFloors = FloorPrefix + All;

    /// <summary>
    /// What the package's floor would be had its analyzers been written with syntax-node actions on the
    /// syntax counterparts of their operation kinds: no IOperation trees, no bound method bodies.
    /// </summary>
    public const string SyntaxFloor = FloorPrefix + "syntax";

    private readonly Dictionary<string, ImmutableArray<DiagnosticAnalyzer>> _sets = new(StringComparer.Ordinal);

    public AnalyzerSets(Compilation compilation, AnalyzerOptions options)
    {
        var analyzers = AnalyzerCatalog.Analyzers();
        var floors = new List<DiagnosticAnalyzer>();
        _sets[CompileOnly] = ImmutableArray<DiagnosticAnalyzer>.Empty;
        foreach (var analyzer in analyzers)
        {
            var name = AnalyzerCatalog.NameOf(analyzer);
            var registrations = RegistrationRecorder.Record(analyzer, compilation, options);
            var floor = new FloorAnalyzer(name, analyzer.SupportedDiagnostics, registrations);
            RegistrationsByAnalyzer[name] = registrations;
            AnalyzerNames.Add(name);
            floors.Add(floor);
            _sets[name] = ImmutableArray.Create(analyzer);
            _sets[FloorPrefix + name] = ImmutableArray.Create<DiagnosticAnalyzer>(floor);
        }

        _sets[All] = analyzers;
        _sets[AllFloors] = floors.ToImmutableArray();
        _sets[SyntaxFloor] = ImmutableArray.Create<DiagnosticAnalyzer>(SyntaxCounterpart(RegistrationsByAnalyzer.Values, analyzers));
    }

    public List<string> AnalyzerNames { get; } = new();

    public Dictionary<string, Registrations> RegistrationsByAnalyzer { get; } = new(StringComparer.Ordinal);

    /// <summary>Benchmark order: compile, then each floor next to its analyzer, then the package and its floor.</summary>
    public IEnumerable<string> Names()
    {
        yield return CompileOnly;
        foreach (var name in AnalyzerNames)
        {
            yield return FloorPrefix + name;
            yield return name;
        }

        if (AnalyzerNames.Count > 1)
        {
            yield return AllFloors;
            yield return All;
        }

        if (AnalyzerNames.Count > 0)
        {
            yield return SyntaxFloor;
        }
    }

    public ImmutableArray<DiagnosticAnalyzer> this[string name] => _sets[name];

    private static FloorAnalyzer SyntaxCounterpart(IEnumerable<Registrations> all, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var kinds = new HashSet<SyntaxKind>();
        foreach (var operationKind in all.SelectMany(r => r.OperationActions).SelectMany(k => k))
        {
            kinds.UnionWith(operationKind switch
            {
                OperationKind.Invocation => [SyntaxKind.InvocationExpression],
                OperationKind.ObjectCreation => [SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression],
                OperationKind.SimpleAssignment => [SyntaxKind.SimpleAssignmentExpression],
                OperationKind.Literal => [SyntaxKind.StringLiteralExpression],
                OperationKind.InterpolatedString => [SyntaxKind.InterpolatedStringExpression],
                OperationKind.PropertyReference or OperationKind.FieldReference => [SyntaxKind.SimpleMemberAccessExpression],
                _ => Array.Empty<SyntaxKind>(),
            });
        }

        var registrations = new Registrations { CompilationStartActions = 1 };
        registrations.SyntaxNodeActions.Add(kinds.OrderBy(k => k).ToImmutableArray());
        return new FloorAnalyzer("syntax", analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(), registrations);
    }
}
