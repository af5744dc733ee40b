namespace ImdsCheck.Scanning;

public enum InstanceStatus
{
    /// <summary>Tokens optional, no token-less calls in the window: safe to require tokens.</summary>
    Ready,

    /// <summary>Tokens optional and MetadataNoToken &gt; 0: fix the callers first.</summary>
    InUse,

    /// <summary>Tokens required and MetadataNoTokenRejected &gt; 0: something fails right now.</summary>
    Broken,

    /// <summary>Tokens required (or the endpoint disabled) with no rejected calls: done.</summary>
    Enforced,

    /// <summary>Not enough data to decide; always comes with a reason and is never treated as ready.</summary>
    Unknown,
}

public static class InstanceStatusNames
{
    public static string ToCliName(this InstanceStatus status) => status switch
    {
        InstanceStatus.Ready => "ready",
        InstanceStatus.InUse => "in-use",
        InstanceStatus.Broken => "broken",
        InstanceStatus.Enforced => "enforced",
        _ => "unknown",
    };

    public static bool NeedsAttention(this InstanceStatus status) => status is InstanceStatus.InUse or InstanceStatus.Broken;
}
