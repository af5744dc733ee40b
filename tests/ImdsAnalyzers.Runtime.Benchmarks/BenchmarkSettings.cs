using System.Globalization;

namespace ImdsAnalyzers.Runtime.Benchmarks;

internal sealed record BenchmarkSettings
{
    public const double Target = 1.02;

    public int Rounds { get; init; } = 200;

    public int Requests { get; init; } = 100;

    /// <summary>Unmeasured requests at the start of each turn (see <see cref="Turn.RunAsync"/>).</summary>
    public int Settle { get; init; } = 50;

    public int Warmup { get; init; } = 3000;

    public int InMemoryRounds { get; init; } = 30;

    public int InMemoryRequests { get; init; } = 4000;

    public int InMemoryWarmup { get; init; } = 20000;

    public int InMemorySettle { get; init; } = 500;

    /// <summary>How many fresh processes run the whole benchmark; above 1 the figures are summarised over them.</summary>
    public int Processes { get; init; } = 1;

    /// <summary>Set in the processes a summarising run starts: they print machine-readable rows only.</summary>
    public bool Child { get; init; }

    /// <summary>Exit with 1 when a judged ratio is above the target.</summary>
    public bool Assert { get; init; }

    public static BenchmarkSettings Parse(string[] args)
    {
        var known = new HashSet<string> { "--rounds", "--requests", "--settle", "--warmup", "--processes", "--child", "--assert" };
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && !known.Contains(arg))
            {
                throw new ArgumentException($"Unknown option {arg}. Options: {string.Join(", ", known.Where(k => k != "--child"))}.");
            }
        }

        return new BenchmarkSettings
        {
            Rounds = Argument(args, "--rounds", 200),
            Requests = Argument(args, "--requests", 100),
            Settle = Argument(args, "--settle", 50, minimum: 0),
            Warmup = Argument(args, "--warmup", 3000),
            Processes = Argument(args, "--processes", 1),
            Child = args.Contains("--child"),
            Assert = args.Contains("--assert"),
        };
    }

    private static int Argument(string[] args, string name, int fallback, int minimum = 1)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} takes a whole number of at least {minimum}.");
        }

        return value;
    }
}
