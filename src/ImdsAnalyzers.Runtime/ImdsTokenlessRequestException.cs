namespace ImdsAnalyzers.Runtime;

/// <summary>Thrown, in strict mode, into the code that started a token-less (IMDSv1) metadata request.</summary>
public sealed class ImdsTokenlessRequestException : InvalidOperationException
{
    public ImdsTokenlessRequestException(ImdsCallSite callSite)
        : base(
            $"A token-less (IMDSv1) instance metadata request was blocked by ImdsCallMonitor strict mode: "
            + $"{callSite.HttpMethod} {callSite.Path} from {callSite.Describe()}. "
            + $"Send an IMDSv2 session token in the {ImdsProtocol.TokenHeader} header, for example through ImdsTokenHandler "
            + "or the AWS SDK's EC2InstanceMetadata.")
    {
        CallSite = callSite;
    }

    public ImdsCallSite CallSite { get; }
}
