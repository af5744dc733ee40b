namespace ImdsAnalyzers.Runtime;

/// <summary>
/// A metadata request was not sent because <c>AWS_EC2_METADATA_DISABLED=true</c>, as the AWS SDKs refuse such
/// requests. It derives from <see cref="HttpRequestException"/> so that code which already handles failed
/// metadata requests handles this one too.
/// </summary>
public sealed class ImdsDisabledException : HttpRequestException
{
    public ImdsDisabledException(Uri requestUri)
        : base($"Instance metadata requests are disabled by {ImdsEnvironment.DisabledVariable}=true; {requestUri} was not sent.")
    {
        RequestUri = requestUri;
    }

    public Uri RequestUri { get; }
}
