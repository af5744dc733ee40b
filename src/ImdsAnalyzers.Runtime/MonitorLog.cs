using Microsoft.Extensions.Logging;

namespace ImdsAnalyzers.Runtime;

internal static partial class MonitorLog
{
    [LoggerMessage(EventId = 1, EventName = "TokenlessImdsRequest", Level = LogLevel.Warning,
        Message = "Token-less (IMDSv1) instance metadata request {HttpMethod} {Path} from {CallSite}. It works only while the instance allows IMDSv1 (CloudWatch counts it as MetadataNoToken) and gets 401 once tokens are required. Call stack:\n{StackTrace}")]
    public static partial void TokenlessRequest(ILogger logger, string httpMethod, string path, string callSite, string stackTrace);

    [LoggerMessage(EventId = 2, EventName = "CallSiteLimitReached", Level = LogLevel.Warning,
        Message = "ImdsCallMonitor has seen {Limit} distinct call sites of token-less metadata requests and logs no new ones; they are still counted.")]
    public static partial void CallSiteLimitReached(ILogger logger, int limit);

    [LoggerMessage(EventId = 3, EventName = "CallbackFailed", Level = LogLevel.Error,
        Message = "ImdsCallMonitorOptions.CallSiteDetected threw; the request was not affected.")]
    public static partial void CallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "ActivityPropagationDisabled", Level = LogLevel.Warning,
        Message = "HttpClient diagnostics are switched off (System.Net.Http.EnableActivityPropagation=false or DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION=false): ImdsCallMonitor cannot see any request.")]
    public static partial void ActivityPropagationDisabled(ILogger logger);

    [LoggerMessage(EventId = 5, EventName = "InvalidEndpointSetting", Level = LogLevel.Warning,
        Message = "ImdsCallMonitor ignores the metadata endpoint setting: {Reason}")]
    public static partial void InvalidEndpointSetting(ILogger logger, string reason);
}
