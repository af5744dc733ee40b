using System.Diagnostics;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// Runs the benchmark in fresh processes, one after the other. Run-to-run differences (JIT decisions, code and heap
/// layout, the machine's load) are larger than the spread within one run, so only several processes give an
/// interval worth quoting.
/// </summary>
internal static class ChildProcesses
{
    public static async Task<(List<LoopbackRow> Loopback, List<AddedCostRow> Added)> RunAsync(BenchmarkSettings settings, string[] args)
    {
        var loopback = new List<LoopbackRow>();
        var added = new List<AddedCostRow>();
        var childArguments = WithoutProcesses(args).Append("--child").ToArray();
        for (var i = 1; i <= settings.Processes; i++)
        {
            Console.Error.WriteLine($"process {i} of {settings.Processes} ...");
            var host = Environment.ProcessPath!;
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                // Started as "dotnet <dll>"; a self-contained build runs as its own executable.
                start.ArgumentList.Add(typeof(ChildProcesses).Assembly.Location);
            }

            foreach (var argument in childArguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a benchmark process.");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Benchmark process {i} exited with {process.ExitCode}:{Environment.NewLine}{output}");
            }

            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fields = line.Split('\t');
                if (fields[0] == LoopbackRow.Tag)
                {
                    loopback.Add(LoopbackRow.Parse(fields));
                }
                else if (fields[0] == AddedCostRow.Tag)
                {
                    added.Add(AddedCostRow.Parse(fields));
                }
            }
        }

        return (loopback, added);
    }

    private static IEnumerable<string> WithoutProcesses(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--processes")
            {
                i++;
            }
            else if (args[i] != "--assert")
            {
                yield return args[i];
            }
        }
    }
}
