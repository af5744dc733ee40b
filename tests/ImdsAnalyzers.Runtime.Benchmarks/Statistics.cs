namespace ImdsAnalyzers.Runtime.Benchmarks;

internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    /// <summary>The median, over rounds, of each round's variant-to-baseline ratio.</summary>
    public static double PairedRatio(IReadOnlyList<double> variant, IReadOnlyList<double> baseline) =>
        Median(variant.Select((value, round) => value / baseline[round]).ToArray());

    /// <summary>The median, over rounds, of each round's variant-minus-baseline difference.</summary>
    public static double PairedDifference(IReadOnlyList<double> variant, IReadOnlyList<double> baseline) =>
        Median(variant.Select((value, round) => value - baseline[round]).ToArray());

    public static double Mean(IReadOnlyList<double> values) => values.Average();

    /// <summary>Half the width of the 95% confidence interval of the mean (Student's t), or NaN for one value.</summary>
    public static double ConfidenceHalfWidth(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return StudentT975(values.Count - 1) * Math.Sqrt(variance / values.Count);
    }

    // Two-sided 95% quantiles of Student's t; between table rows the value of the lower row, so the interval is never
    // narrower than it should be.
    private static double StudentT975(int degreesOfFreedom) => degreesOfFreedom switch
    {
        1 => 12.706,
        2 => 4.303,
        3 => 3.182,
        4 => 2.776,
        5 => 2.571,
        6 => 2.447,
        7 => 2.365,
        8 => 2.306,
        9 => 2.262,
        10 => 2.228,
        <= 15 => 2.228,
        <= 20 => 2.131,
        <= 30 => 2.086,
        <= 60 => 2.042,
        _ => 2.000,
    };
}
