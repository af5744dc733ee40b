namespace ImdsCheck.Scanning;

/// <summary>
/// One metric's Sum over the window for one instance. <see cref="Sum"/> is null when CloudWatch
/// returned no datapoints; <see cref="Problem"/> is set when the data is incomplete, in which case
/// the sum must not be read as a full count.
/// </summary>
public sealed record MetricReading(double? Sum, string? Problem)
{
    public bool IsComplete => Problem is null;

    public bool HasPositiveCount => Sum is > 0;

    /// <summary>
    /// The count to show: a positive sum always (it is at least that many), otherwise only complete
    /// data counts. <paramref name="absentMeansZero"/> is for MetadataNoTokenRejected, which EC2
    /// publishes only when a call is refused, so complete data without datapoints means none.
    /// </summary>
    public double? ReportedCount(bool absentMeansZero) =>
        HasPositiveCount ? Sum : !IsComplete ? null : Sum ?? (absentMeansZero ? 0 : null);
}
