using Amazon.Runtime;
using ImdsCheck.CloudWatch;

namespace ImdsCheck.Aws;

/// <summary>Turns AWS errors into one-line messages that name the region and the IAM action.</summary>
internal static class AwsErrorMessages
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "NotAuthorized", "Forbidden",
    };

    private static readonly HashSet<string> RejectedCredentialCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature",
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidSignatureException", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "OptInRequired",
    };

    public static ImdsCheckFailure FromEc2(AmazonServiceException exception, string iamAction, string region, SecretRedactor redactor) =>
        Build(iamAction, region, (int)exception.StatusCode, exception.ErrorCode, exception.Message, attempts: null, redactor, exception);

    public static ImdsCheckFailure FromCloudWatch(CloudWatchServiceException exception, string iamAction, string region, SecretRedactor redactor) =>
        Build(iamAction, region, exception.HttpStatus, exception.ErrorCode, exception.ErrorMessage, exception.Attempts, redactor, exception);

    public static ImdsCheckFailure FromClient(AmazonClientException exception, string iamAction, string region, SecretRedactor redactor)
    {
        var detail = FirstSentence(redactor.Redact(exception.InnerException?.Message ?? exception.Message));
        return new ImdsCheckFailure($"{region}: {iamAction} could not be sent: {detail}", exception);
    }

    private static ImdsCheckFailure Build(string iamAction, string region, int status, string? code, string? message, int? attempts, SecretRedactor redactor, Exception inner)
    {
        var detail = FirstSentence(redactor.Redact(message ?? ""));
        string text;
        if (code is not null && AccessDeniedCodes.Contains(code))
        {
            text = $"{region}: access denied for {iamAction} ({code}). Allow {iamAction} for this caller.";
        }
        else if (code is not null && RejectedCredentialCodes.Contains(code))
        {
            text = $"{region}: the AWS credentials were rejected when calling {iamAction} ({code}: {detail}). Check the access key, session token and --profile.";
        }
        else if (BackoffRetryPolicy.IsThrottling(code))
        {
            text = $"{region}: {iamAction} was still throttled ({code}) after {attempts?.ToString() ?? "the SDK's"} attempts. Try again later or scan fewer regions at once.";
        }
        else if (status == 0)
        {
            text = $"{region}: {iamAction} failed: could not reach the endpoint ({detail}).";
        }
        else
        {
            var codeText = code ?? $"HTTP {status}";
            var retried = status >= 500 && attempts is > 1 ? $" after {attempts} attempts" : "";
            text = $"{region}: {iamAction} failed{retried}: {codeText}{(detail.Length > 0 ? ": " + detail : "")}";
        }

        return new ImdsCheckFailure(text, inner);
    }

    /// <summary>
    /// Keeps error text on one line. EC2 appends an encoded authorization message that is long and
    /// only useful through sts:DecodeAuthorizationMessage, so it is cut off.
    /// </summary>
    internal static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        var encoded = text.IndexOf("Encoded authorization failure message", StringComparison.OrdinalIgnoreCase);
        if (encoded >= 0)
        {
            text = text[..encoded].Trim();
        }

        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
