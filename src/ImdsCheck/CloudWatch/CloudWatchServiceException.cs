namespace ImdsCheck.CloudWatch;

/// <summary>A CloudWatch call that failed after retries; carries the AWS error code for mapping to a message.</summary>
public sealed class CloudWatchServiceException : Exception
{
    public CloudWatchServiceException(string operation, int httpStatus, string? errorCode, string? errorMessage, int attempts, Exception? inner = null)
        : base($"{operation}: {errorCode ?? "HTTP " + httpStatus}: {errorMessage}", inner)
    {
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Attempts = attempts;
    }

    /// <summary>0 when no HTTP answer arrived (connection failure).</summary>
    public int HttpStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public int Attempts { get; }
}
