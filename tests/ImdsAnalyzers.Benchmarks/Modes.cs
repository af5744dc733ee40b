using ImdsAnalyzers.Benchmarks.Analysis;
using ImdsAnalyzers.Benchmarks.Benchmarks;
using ImdsAnalyzers.Benchmarks.Corpus;
using ImdsAnalyzers.Benchmarks.Scan;

namespace ImdsAnalyzers.Benchmarks;

internal static class Modes
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length == 0 || args[0].StartsWith('-') ? "bench" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        switch (mode)
        {
            case "bench":
                return CostBenchmarkRunner.Run(rest);
            case "interleaved":
                return InterleavedRunner.Run(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 8);
            case "check":
                return CorpusCheck.Run();
            case "corpus" when rest.Length == 1:
                return WriteCorpus(rest[0]);
            case "scan" when rest.Length >= 1:
                return await FolderScanner.RunAsync(rest[0], rest.Contains("--per-folder"), rest.Contains("--with-floors"));
            default:
                Console.Error.WriteLine("""
                    usage: dotnet run -c Release --project tests/ImdsAnalyzers.Benchmarks -- [mode]
                      bench [--fast] [BenchmarkDotNet options]   analyzer cost next to the floor and the compiler (default)
                      interleaved [rounds]                       the same cases in interleaved rounds, paired differences (default 8)
                      check                                      corpus facts: compiler errors, findings per rule, callback times
                      corpus <folder>                            write the generated corpus as .cs files
                      scan <folder> [--per-folder] [--with-floors]  run every analyzer over the C# files under <folder>
                    """);
                return 2;
        }
    }

    private static int WriteCorpus(string folder)
    {
        var files = CorpusGenerator.Generate();
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        Console.WriteLine($"{files.Count} files written under {Path.GetFullPath(folder)}");
        return 0;
    }
}
