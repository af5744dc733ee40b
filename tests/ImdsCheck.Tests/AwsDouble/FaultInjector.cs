namespace ImdsCheck.Tests.AwsDouble;

public enum FaultKind
{
    /// <summary>EC2: 503 RequestLimitExceeded. CloudWatch: 400 Throttling.</summary>
    Throttle,

    /// <summary>EC2: 500 InternalError. CloudWatch: 500 InternalFailure.</summary>
    ServerError,

    /// <summary>EC2: 403 UnauthorizedOperation. CloudWatch: 403 AccessDenied.</summary>
    AccessDenied,

    /// <summary>EC2: 401 AuthFailure. CloudWatch: 403 InvalidClientTokenId.</summary>
    RejectedCredentials,
}

/// <summary>
/// Fails matching calls deterministically: skip the first <see cref="Skip"/> matches, then fail
/// every <see cref="EveryNth"/>-th match, at most <see cref="Times"/> times (null: no limit).
/// </summary>
public sealed class FaultRule
{
    public required FaultKind Kind { get; init; }

    public string? Protocol { get; init; }

    public string? Action { get; init; }

    public string? Region { get; init; }

    public int Skip { get; init; }

    public int EveryNth { get; init; } = 1;

    public int? Times { get; init; }

    internal int Matched;

    internal int Fired;
}

public sealed class FaultInjector
{
    private readonly List<FaultRule> _rules = [];

    public FaultRule Add(FaultRule rule)
    {
        lock (_rules)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    public int Fired(FaultRule rule)
    {
        lock (_rules)
        {
            return rule.Fired;
        }
    }

    public FaultKind? Next(string protocol, string action, string region)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if ((rule.Protocol is not null && rule.Protocol != protocol) ||
                    (rule.Action is not null && rule.Action != action) ||
                    (rule.Region is not null && rule.Region != region))
                {
                    continue;
                }

                rule.Matched++;
                if (rule.Matched <= rule.Skip || (rule.Matched - rule.Skip - 1) % rule.EveryNth != 0)
                {
                    continue;
                }

                if (rule.Times is { } times && rule.Fired >= times)
                {
                    continue;
                }

                rule.Fired++;
                return rule.Kind;
            }
        }

        return null;
    }
}
