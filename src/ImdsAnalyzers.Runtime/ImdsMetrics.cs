using System.Diagnostics.Metrics;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// The monitor's instruments. They mirror CloudWatch's <c>MetadataNoToken</c> and <c>MetadataNoTokenRejected</c>
/// for this one process, and add the requests that got no answer at all. The only tag is the path.
/// </summary>
internal sealed class ImdsMetrics : IDisposable
{
    public const string MeterName = "ImdsAnalyzers.Runtime";
    public const string TokenlessName = "imds.requests.tokenless";
    public const string RejectedName = "imds.requests.tokenless.rejected";
    public const string FailedName = "imds.requests.tokenless.failed";
    public const string PathTag = "url.path";

    private readonly Meter _meter;
    private readonly Counter<long> _tokenless;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;

    public ImdsMetrics()
    {
        _meter = new Meter(MeterName, typeof(ImdsMetrics).Assembly.GetName().Version?.ToString());
        _tokenless = _meter.CreateCounter<long>(TokenlessName, "{request}",
            "Token-less (IMDSv1) instance metadata requests answered with anything but 401; this process's share of CloudWatch MetadataNoToken.");
        _rejected = _meter.CreateCounter<long>(RejectedName, "{request}",
            "Token-less instance metadata requests answered 401 because the instance requires tokens; this process's share of CloudWatch MetadataNoTokenRejected.");
        _failed = _meter.CreateCounter<long>(FailedName, "{request}",
            "Token-less instance metadata requests that got no answer: refused, timed out, cancelled, or blocked by strict mode.");
    }

    public void Answered(string path, bool rejected) =>
        (rejected ? _rejected : _tokenless).Add(1, new KeyValuePair<string, object?>(PathTag, path));

    public void Failed(string path) => _failed.Add(1, new KeyValuePair<string, object?>(PathTag, path));

    public void Dispose() => _meter.Dispose();
}
