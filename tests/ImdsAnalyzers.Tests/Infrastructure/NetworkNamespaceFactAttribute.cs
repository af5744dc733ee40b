namespace ImdsAnalyzers.Tests.Infrastructure;

/// <summary>
/// A fact that needs a network namespace in which the test can serve 169.254.169.254. Where
/// that is impossible (not root, no iproute2), the test is reported as skipped with the reason,
/// never as passed.
/// </summary>
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute()
    {
        var reason = NetworkNamespace.UnavailableReason.Value;
        if (reason is not null)
        {
            Skip = reason;
        }
    }
}
