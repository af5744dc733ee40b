using ImdsCheck.Aws;

namespace ImdsCheck.Scanning;

/// <summary>
/// The look-back window. One query per instance and metric uses Period = the whole window, so
/// each answers with a single Sum. Whole days are multiples of 3600 s, which CloudWatch accepts
/// as a period for data of any age (1-minute data is kept 15 days, 5-minute 63, 1-hour 455).
/// </summary>
public sealed record MetricWindow(DateTime Start, DateTime End, int Days)
{
    public const int MaxDays = 455;

    public int PeriodSeconds => (int)(End - Start).TotalSeconds;

    public static MetricWindow EndingAt(DateTime now, int days)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new ImdsCheckFailure($"--days must be between 1 and {MaxDays} (CloudWatch keeps hourly data for 455 days); got {days}.");
        }

        // EndTime is exclusive; round up to the next whole minute so the newest datapoints count.
        var utc = now.ToUniversalTime();
        var end = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        return new MetricWindow(end.AddDays(-days), end, days);
    }
}
