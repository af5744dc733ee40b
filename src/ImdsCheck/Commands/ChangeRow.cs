namespace ImdsCheck.Commands;

/// <summary>One planned or made change, as enforce, rollback, alarm and defaults print it.</summary>
internal sealed record ChangeRow(string Region, string Target, string From, string To, string Result, string? Error = null)
{
    public bool Failed => Error is not null;
}
