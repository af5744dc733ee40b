namespace ImdsCheck.Aws;

/// <summary>A failure that ends the check with exit code 2; its message is one line for the user.</summary>
public sealed class ImdsCheckFailure : Exception
{
    public ImdsCheckFailure(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The IAM action whose call failed, e.g. "ec2:DescribeInstances"; null for local failures.</summary>
    public string? IamAction { get; init; }

    public string? Region { get; init; }
}
