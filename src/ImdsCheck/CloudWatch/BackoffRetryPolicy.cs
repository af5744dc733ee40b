namespace ImdsCheck.CloudWatch;

/// <summary>
/// Bounded exponential backoff with full jitter: attempt n waits a random time in
/// [0, min(MaxDelay, BaseDelay * 2^n)], which spreads retries of parallel callers apart.
/// </summary>
public sealed class BackoffRetryPolicy
{
    public static BackoffRetryPolicy Default { get; } = new(maxAttempts: 6, baseDelay: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromSeconds(10));

    public BackoffRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <param name="failedAttempt">1 for the delay after the first failed attempt.</param>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    public static bool IsThrottling(string? errorCode) =>
        errorCode is not null &&
        (errorCode.Contains("Throttl", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Equals("TooManyRequestsException", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Equals("RequestLimitExceeded", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Equals("SlowDown", StringComparison.OrdinalIgnoreCase));

    public static bool IsRetryable(int httpStatus, string? errorCode) =>
        httpStatus >= 500 || httpStatus == 429 || IsThrottling(errorCode);
}
