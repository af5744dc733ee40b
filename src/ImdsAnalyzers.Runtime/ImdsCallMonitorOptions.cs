using Microsoft.Extensions.Logging;

namespace ImdsAnalyzers.Runtime;

public sealed class ImdsCallMonitorOptions
{
    /// <summary>
    /// Fail every token-less metadata request with <see cref="ImdsTokenlessRequestException"/> before it is sent.
    /// For test suites and development; see the documentation for what the caller receives from each API.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>Where the once-per-call-site warnings go. <c>AddImdsCallMonitor</c> sets it from the container.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Called once for each new call site, after it is logged; exceptions it throws are caught and logged.</summary>
    public Action<ImdsCallSite>? CallSiteDetected { get; set; }

    /// <summary>
    /// More metadata endpoints to watch, besides 169.254.169.254, [fd00:ec2::254], EC2's instance-data names and the
    /// endpoint in <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> (for example a local emulator).
    /// </summary>
    public IList<Uri> AdditionalEndpoints { get; } = new List<Uri>();

    /// <summary>
    /// Namespace prefixes whose frames are passed over when naming the caller, besides <c>System.</c>,
    /// <c>Microsoft.Extensions.</c>, <c>Microsoft.AspNetCore.</c>, <c>Polly.</c> and this package; for example a retry library, or a
    /// library's namespace when the code that calls the library is the one to name.
    /// </summary>
    public IList<string> CallerSkipPrefixes { get; } = new List<string>();

    /// <summary>
    /// Also listen to HttpClient's own events (the <c>System.Net.Http</c> event source) to find the caller of requests
    /// that .NET starts on a thread-pool thread: on .NET 10 the first asynchronous request through each new handler
    /// is one. Off by default because it turns on those events for every request (in the benchmark about 1.1 µs and
    /// 1.3 KB per request: 4% of CPU and 6% of latency on a loopback request); worth it in tests and development.
    /// </summary>
    public bool CaptureCallersThroughHttpClientEvents { get; set; }

    /// <summary>How many distinct call sites are remembered (and logged); later ones are still counted. Default 1,000.</summary>
    public int MaxCallSites { get; set; } = 1000;

    /// <summary>Reads environment variables; the process environment when null. Tests set it.</summary>
    public Func<string, string?>? EnvironmentVariables { get; set; }
}
