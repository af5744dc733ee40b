using System.Globalization;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>One variant's figures from the loopback comparison: ratios are to plain HttpClient in the same rounds.</summary>
internal sealed record LoopbackRow(
    string Scenario, string Variant, bool Counts, double CpuRatio, double QuietCpuRatio, double WallRatio,
    double CpuMicroseconds, double WallMicroseconds, double Bytes)
{
    public const string Tag = "LOOPBACK";

    public string Serialize() => string.Join('\t', Tag, Scenario, Variant, Counts, Number(CpuRatio), Number(QuietCpuRatio),
        Number(WallRatio), Number(CpuMicroseconds), Number(WallMicroseconds), Number(Bytes));

    public static LoopbackRow Parse(string[] f) => new(f[1], f[2], bool.Parse(f[3]), Parse(f[4]), Parse(f[5]), Parse(f[6]),
        Parse(f[7]), Parse(f[8]), Parse(f[9]));

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>One variant's figures over an in-memory connection: what it adds to HttpClient's own work per request.</summary>
internal sealed record AddedCostRow(
    string Scenario, string Variant, bool Counts, double Nanoseconds, double AddedNanoseconds, double Bytes, double AddedBytes)
{
    public const string Tag = "ADDED";

    public string Serialize() => string.Join('\t', Tag, Scenario, Variant, Counts, LoopbackRow.Number(Nanoseconds),
        LoopbackRow.Number(AddedNanoseconds), LoopbackRow.Number(Bytes), LoopbackRow.Number(AddedBytes));

    public static AddedCostRow Parse(string[] f) => new(f[1], f[2], bool.Parse(f[3]), LoopbackRow.Parse(f[4]),
        LoopbackRow.Parse(f[5]), LoopbackRow.Parse(f[6]), LoopbackRow.Parse(f[7]));
}
