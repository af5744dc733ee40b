namespace ImdsCheck;

public static class ExitCodes
{
    /// <summary>Nothing needs attention.</summary>
    public const int Ok = 0;

    /// <summary>Some instance is in-use or broken.</summary>
    public const int NeedsAttention = 1;

    /// <summary>The check could not complete: bad arguments, no credentials, or an AWS failure that retries did not overcome.</summary>
    public const int Incomplete = 2;
}
