namespace ImdsAnalyzers.Tests.Robustness;

/// <summary>
/// How many mutated variants the robustness test runs, from which seed. CI uses the defaults; a longer
/// local run sets IMDS_FUZZ_COUNT (e.g. 50000) and IMDS_FUZZ_SEED (any integer) in the environment.
/// IMDS_FUZZ_FIX_EVERY sets how often a variant also has its code fixes applied (1 = every variant).
/// </summary>
public sealed record FuzzSettings(int Seed, int Count, int FixEvery)
{
    public const int DefaultSeed = 6;
    public const int DefaultCount = 2000;
    public const int DefaultFixEvery = 2;

    public static FuzzSettings FromEnvironment() => new(
        Read("IMDS_FUZZ_SEED", DefaultSeed),
        Read("IMDS_FUZZ_COUNT", DefaultCount),
        Math.Max(1, Read("IMDS_FUZZ_FIX_EVERY", DefaultFixEvery)));

    private static int Read(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.TryParse(text, out var value) ? value : throw new InvalidOperationException($"{name}='{text}' is not an integer")
            : fallback;
}
