namespace ImdsCheck.Aws;

/// <summary>A failure that ends the check with exit code 2; its message is one line for the user.</summary>
public sealed class ImdsCheckFailure : Exception
{
    public ImdsCheckFailure(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
