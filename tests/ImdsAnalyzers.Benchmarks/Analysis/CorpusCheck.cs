using System.Collections.Immutable;
using System.Diagnostics;
using ImdsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImdsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Shows that the benchmark measures what it claims: the corpus compiles, each analyzer registers
/// what its floor mirrors, and the findings are where the generator put them (and nowhere else).
/// </summary>
public static class CorpusCheck
{
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        var workload = new CorpusWorkload();
        Console.WriteLine($"corpus: {workload.Files.Count} files, {workload.Lines:N0} lines, {workload.Files.Count(f => f.ExpectedId is not null)} with a finding; parsed in {clock.ElapsedMilliseconds} ms");
        Console.WriteLine($"references: {workload.References.Length} ({CorpusReferences.FrameworkSource} + AWS SDK, CDK)");
        foreach (var group in workload.Files.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-6} {group.Count(),5} files");
        }

        clock.Restart();
        var errors = workload.Run(AnalyzerSets.CompileOnly).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"compile: {errors.Count} errors in {clock.ElapsedMilliseconds} ms (cold)");
        for (var i = 0; i < 2; i++)
        {
            clock.Restart();
            workload.Run(AnalyzerSets.CompileOnly);
            Console.WriteLine($"compile: {clock.ElapsedMilliseconds} ms (warm)");
        }

        foreach (var error in errors.Take(20))
        {
            Console.WriteLine("  " + error);
        }

        Console.WriteLine();
        Console.WriteLine("registrations (mirrored by each floor):");
        foreach (var (name, registrations) in workload.Sets.RegistrationsByAnalyzer)
        {
            Console.WriteLine($"  {name}: {registrations}");
        }

        if (workload.Sets.AnalyzerNames.Count == 0)
        {
            Console.WriteLine("  (no analyzer in the ImdsAnalyzers assembly yet)");
            return errors.Count == 0 ? 0 : 1;
        }

        // Thread CPU time inside each analyzer's callbacks, and inside its floor's: the floor's figure is
        // the cost of the callback calls themselves, so the difference is the analyzer's own work.
        Console.WriteLine();
        Console.WriteLine("CPU time in callbacks (thread CPU time, best of 3 runs; the floor's is the cost of calling an empty callback as often):");
        var diagnostics = workload.Run(AnalyzerSets.All);
        var best = new Dictionary<string, (double Ms, long Calls)>(StringComparer.Ordinal);
        for (var run = 0; run < 3; run++)
        {
            foreach (var set in new[] { AnalyzerSets.All, AnalyzerSets.AllFloors })
            {
                var timed = workload.Sets[set].Select(a => new CpuTimedAnalyzer(a)).ToImmutableArray();
                workload.RunWith(timed.CastArray<DiagnosticAnalyzer>());
                foreach (var analyzer in timed)
                {
                    var name = analyzer.Inner is FloorAnalyzer floor ? AnalyzerSets.FloorPrefix + floor.Mirrors : AnalyzerCatalog.NameOf(analyzer.Inner);
                    var ms = analyzer.CpuTime.TotalMilliseconds;
                    best[name] = best.TryGetValue(name, out var previous) && previous.Ms <= ms ? previous : (ms, analyzer.Callbacks);
                }
            }
        }

        Console.WriteLine($"  {"analyzer",-32} {"callbacks",10} {"CPU ms",8} {"floor ms",8} {"own ms",8}");
        foreach (var name in workload.Sets.AnalyzerNames)
        {
            var (ms, calls) = best[name];
            var floorMs = best[AnalyzerSets.FloorPrefix + name].Ms;
            Console.WriteLine($"  {name,-32} {calls,10:N0} {ms,8:F1} {floorMs,8:F1} {ms - floorMs,8:F1}");
        }

        return ReportFindings(workload, diagnostics) && errors.Count == 0 ? 0 : 1;
    }

    private static bool ReportFindings(CorpusWorkload workload, IEnumerable<Diagnostic> diagnostics)
    {
        var reported = diagnostics
            .Where(d => d.Id.StartsWith("IMDS", StringComparison.Ordinal) || d.Id == "AD0001")
            .ToLookup(d => d.Location.SourceTree?.FilePath ?? "", d => d);
        var shippedIds = workload.Sets.AnalyzerNames
            .SelectMany(n => workload.Sets[n]).SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)
            .ToHashSet(StringComparer.Ordinal);
        var ok = true;
        var found = 0;
        var expected = 0;
        foreach (var file in workload.Files)
        {
            var ids = reported[file.Path].Select(d => d.Id).ToList();
            if (file.ExpectedId is { } id && shippedIds.Contains(id))
            {
                expected++;
                if (ids.Contains(id))
                {
                    found++;
                }
                else
                {
                    Console.WriteLine($"  missed: {id} in {file.Path}");
                }
            }

            foreach (var extra in reported[file.Path].Where(d => d.Id != file.ExpectedId))
            {
                ok &= extra.Id != "AD0001";
                Console.WriteLine($"  unexpected: {extra}");
            }
        }

        Console.WriteLine($"findings: {found} of {expected} planted findings for the shipped rules reported");
        foreach (var group in diagnostics.Where(d => d.Id.StartsWith("IMDS", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key}: {group.Count()}");
        }

        return ok;
    }
}
