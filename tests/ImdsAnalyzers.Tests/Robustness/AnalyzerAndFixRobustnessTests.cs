using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and every code fix over thousands of mutated sources: no analyzer exception (AD0001),
/// no code-fix exception, and no fix that turns compiling code into code that no longer compiles.
/// The seeds are the samples, the files under Robustness/Corpus and the C# sources in this project's
/// tests; variant i is the seed i mod seeds, mutated with Random(seed, i), so a failure names the
/// variant that reproduces it.
/// CI runs the defaults (seed 6, 2000 variants). For a longer local run:
///   IMDS_FUZZ_SEED=42 IMDS_FUZZ_COUNT=50000 dotnet test tests/ImdsAnalyzers.Tests -c Release --filter FullyQualifiedName~Robustness
/// </summary>
public sealed class AnalyzerAndFixRobustnessTests(ITestOutputHelper output)
{
    private const int MaxReportedFailures = 10;

    [Fact]
    public async Task Mutated_sources_never_break_an_analyzer_or_a_code_fix()
    {
        var settings = FuzzSettings.FromEnvironment();
        var seeds = FuzzSources.Load();
        var analyzers = AnalyzerCatalog.Analyzers();
        var fixes = AnalyzerCatalog.CodeFixes();
        Assert.True(seeds.Count >= 20, $"only {seeds.Count} seed sources found under {RepositoryPaths.Root}");
        Assert.NotEmpty(analyzers);

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var failures = new ConcurrentQueue<string>();
        var workers = Math.Max(2, Environment.ProcessorCount);
        var checkers = Enumerable.Range(0, workers).Select(_ => new VariantChecker(analyzers, fixes)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var checker = checkers[worker];
            for (var i = worker; i < settings.Count && failures.Count < MaxReportedFailures; i += workers)
            {
                var seed = seeds[i % seeds.Count];
                var random = new Random(unchecked(settings.Seed * 1_000_003 + i));
                var (text, mutations) = i < seeds.Count ? (seed.Text, "none (the seed itself)") : SourceMutator.Mutate(seed.Text, random);
                // Seeds get every finding fixed; a variant gets one, and only every FixEvery-th variant.
                var fixLimit = i < seeds.Count ? int.MaxValue : i % settings.FixEvery == 0 ? 1 : 0;
                var problems = await checker.CheckAsync(text, fixLimit, CancellationToken.None);
                if (i < seeds.Count && checker.FirstError is { } error && Environment.GetEnvironmentVariable("IMDS_FUZZ_SHOW_SEED_ERRORS") == "1")
                {
                    output.WriteLine($"seed {seed.Origin} does not compile: {error}");
                }

                foreach (var problem in problems)
                {
                    failures.Enqueue($"variant {i} (IMDS_FUZZ_SEED={settings.Seed}) of {seed.Origin}, mutations: {mutations}\n{problem}\n--- variant source:\n{text}");
                }
            }
        })));

        var compiling = checkers.Sum(c => c.CompilingVariants);
        var fixesApplied = checkers.Sum(c => c.FixesApplied);
        var diagnostics = checkers.Sum(c => c.Diagnostics);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{settings.Count} variants of {seeds.Count} seeds (seed {settings.Seed}) in {clock.Elapsed.TotalSeconds:F1} s ({cpuSeconds:F0} s CPU) on {workers} workers: "
            + $"{compiling} compiled, {diagnostics} diagnostics, {fixesApplied} code actions applied; {analyzers.Length} analyzers, {fixes.Length} code fix providers; "
            + $"{checkers.Sum(c => c.KnownRoslynIssues)} known Roslyn simplifier exceptions on broken code");

        Assert.True(failures.IsEmpty, string.Join("\n\n========\n\n", failures.Take(MaxReportedFailures)));

        // Guards against a run that checked nothing: the seeds must exercise the analyzers and the fixes.
        Assert.True(compiling > settings.Count / 20, $"only {compiling} of {settings.Count} variants compiled");
        Assert.True(diagnostics > 0, "no analyzer reported anything on any variant");
        Assert.True(fixes.Length == 0 || fixesApplied > 0, "no code fix was applied to any variant");
    }
}
