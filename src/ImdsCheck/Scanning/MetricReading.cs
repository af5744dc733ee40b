namespace ImdsCheck.Scanning;

/// <summary>
/// One metric's Sum over the window for one instance. <see cref="Sum"/> is null when CloudWatch
/// returned no datapoints; <see cref="Problem"/> is set when the data is incomplete, in which case
/// the sum must not be read as a full count.
/// </summary>
public sealed record MetricReading(double? Sum, string? Problem)
{
    public static MetricReading NotRead { get; } = new(null, null);

    public bool IsComplete => Problem is null;

    public bool HasPositiveCount => Sum is > 0;
}
