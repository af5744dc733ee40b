using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Captures the caller's stack for metadata requests from HttpClient's <c>RequestStart</c> event, which HttpClient
/// writes on the caller's thread before any handler runs. The stack travels in an <see cref="AsyncLocal{T}"/> to the
/// diagnostic listener's start event, which may run later on a thread-pool thread with none of the caller's frames.
/// </summary>
internal sealed class HttpClientCallerCapture : EventListener
{
    private const string HttpEventSource = "System.Net.Http";
    private const string RequestStartEvent = "RequestStart";

    private static readonly AsyncLocal<CapturedCaller?> Captured = new();

    // Set after the base constructor, which already reports existing event sources.
    private volatile MetadataRequestFilter? _filter;

    public HttpClientCallerCapture(MetadataRequestFilter filter) => _filter = filter;

    /// <summary>The stack captured for this request in this flow, if any; the capture is used up either way.</summary>
    public static StackTrace? Take(Uri uri)
    {
        var captured = Captured.Value;
        if (captured is null)
        {
            return null;
        }

        Captured.Value = null;
        return captured.Port == uri.Port
            && string.Equals(captured.PathAndQuery, uri.PathAndQuery, StringComparison.Ordinal)
            && captured.Host.AsSpan().Trim("[]").Equals(uri.Host.AsSpan().Trim("[]"), StringComparison.OrdinalIgnoreCase)
                ? captured.Stack
                : null;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == HttpEventSource)
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var filter = _filter;
        if (filter is null || eventData.EventName != RequestStartEvent || eventData.Payload is not { Count: >= 4 } payload)
        {
            return;
        }

        // RequestStart(scheme, host, port, pathAndQuery, versionMajor, versionMinor, versionPolicy)
        if (payload[1] is string host && payload[2] is int port && payload[3] is string pathAndQuery
            && filter.IsMetadataEndpoint(host, port))
        {
            Captured.Value = new CapturedCaller(host, port, pathAndQuery, new StackTrace(1, fNeedFileInfo: true));
        }
    }

    public override void Dispose()
    {
        _filter = null;
        base.Dispose();
    }

    private sealed record CapturedCaller(string Host, int Port, string PathAndQuery, StackTrace Stack);
}
