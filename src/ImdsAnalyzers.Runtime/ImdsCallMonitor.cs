using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Watches every HttpClient, HttpWebRequest and WebClient request of the process (all three go through
/// HttpClient's handler on .NET 8 and later) for token-less requests to the EC2 instance metadata service, through
/// the <c>HttpHandlerDiagnosticListener</c> diagnostic events. It counts them as metrics, logs each call site once
/// with its stack, and in strict mode fails them. One monitor runs per process.
/// </summary>
public sealed class ImdsCallMonitor : IDisposable
{
    internal const string ListenerName = "HttpHandlerDiagnosticListener";
    private const string ActivityName = "System.Net.Http.HttpRequestOut";
    private const string StartEvent = "System.Net.Http.HttpRequestOut.Start";
    private const string StopEvent = "System.Net.Http.HttpRequestOut.Stop";

    private static readonly object Gate = new();
    private static ImdsCallMonitor? s_current;

    private readonly ImdsCallMonitorOptions _options;
    private readonly ILogger _logger;
    private readonly MetadataRequestFilter _filter;
    private readonly CallerLocator _locator;
    private readonly ImdsMetrics _metrics = new();
    private readonly DiagnosticPayload<HttpRequestMessage> _startRequest = new("Request");
    private readonly DiagnosticPayload<HttpRequestMessage> _stopRequest = new("Request");
    private readonly DiagnosticPayload<HttpResponseMessage> _stopResponse = new("Response");
    private readonly ConcurrentDictionary<CallerLocator.CallSiteKey, ImdsCallSite> _callSites = new();
    private readonly object _subscriptionsGate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly HttpClientCallerCapture? _callerCapture;
    private int _limitLogged;
    private volatile bool _running;

    private ImdsCallMonitor(ImdsCallMonitorOptions options)
    {
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger<ImdsCallMonitor>() ?? NullLogger<ImdsCallMonitor>.Instance;
        _filter = new MetadataRequestFilter(WatchedEndpoints(options));
        _locator = new CallerLocator(options.CallerSkipPrefixes);
        CanSeeRequests = HttpDiagnosticsEnabled(options.EnvironmentVariables ?? Environment.GetEnvironmentVariable);
        if (!CanSeeRequests)
        {
            MonitorLog.ActivityPropagationDisabled(_logger);
        }

        if (options.CaptureCallersThroughHttpClientEvents)
        {
            _callerCapture = new HttpClientCallerCapture(_filter);
        }
    }

    /// <summary>The running monitor, or null.</summary>
    public static ImdsCallMonitor? Current => s_current;

    public bool IsRunning => _running;

    public bool Strict => _options.Strict;

    /// <summary>False when HttpClient's diagnostics are switched off in this process, so that nothing can be seen.</summary>
    public bool CanSeeRequests { get; }

    /// <summary>The distinct call sites seen so far.</summary>
    public IReadOnlyCollection<ImdsCallSite> CallSites => _callSites.Values.ToArray();

    /// <summary>
    /// Starts the process-wide monitor, or returns the one already running (whose options then stay in force; use
    /// <see cref="TryStart"/> to tell the two apart).
    /// </summary>
    public static ImdsCallMonitor Start(ImdsCallMonitorOptions? options = null)
    {
        TryStart(options, out var monitor);
        return monitor;
    }

    /// <summary>Starts the monitor; false, with the running monitor, when one is already running.</summary>
    public static bool TryStart(ImdsCallMonitorOptions? options, out ImdsCallMonitor monitor)
    {
        lock (Gate)
        {
            if (s_current is { } running)
            {
                monitor = running;
                return false;
            }

            monitor = new ImdsCallMonitor(options ?? new ImdsCallMonitorOptions());
            monitor._running = true;
            var listeners = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(monitor));
            lock (monitor._subscriptionsGate)
            {
                monitor._subscriptions.Add(listeners);
            }

            s_current = monitor;
            return true;
        }
    }

    /// <summary>Stops watching; another monitor may be started afterwards.</summary>
    public void Stop()
    {
        lock (Gate)
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            if (ReferenceEquals(s_current, this))
            {
                s_current = null;
            }
        }

        // Disposed outside Gate: DiagnosticListener holds its own lock while it announces new listeners to Attach.
        IDisposable[] subscriptions;
        lock (_subscriptionsGate)
        {
            subscriptions = _subscriptions.ToArray();
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        _callerCapture?.Dispose();
        _metrics.Dispose();
    }

    public void Dispose() => Stop();

    private void Attach(DiagnosticListener listener)
    {
        if (listener.Name != ListenerName)
        {
            return;
        }

        var subscription = listener.Subscribe(new EventObserver(this), IsEnabled);
        bool kept;
        lock (_subscriptionsGate)
        {
            kept = _running;
            if (kept)
            {
                _subscriptions.Add(subscription);
            }
        }

        if (!kept)
        {
            subscription.Dispose();
        }
    }

    // HttpClient asks this before it creates an activity for a request; answering no for every request that is not
    // a token-less metadata request keeps the monitor's cost on other requests to this one call.
    private bool IsEnabled(string name, object? arg1, object? arg2)
    {
        if (name == ActivityName)
        {
            return arg1 is not HttpRequestMessage request || IsTokenlessMetadataRequest(request);
        }

        return (name == StartEvent || name == StopEvent) && MayBeMetadataActivity(Activity.Current);
    }

    // Inside an ambient Activity, HttpClient makes an activity for every request and asks about its start and stop
    // events with no request at hand. Since .NET 9 the activity already carries server.port and url.full, so events of
    // requests to other servers can be declined before their payloads are made; without those tags (.NET 8, or an
    // activity that records no data) every event is taken and filtered in OnStart/OnStop. url.full names the server
    // the request goes to; server.address does not when the request sets a Host header. The tags are read in one
    // pass with the allocation-free enumerator: GetTagItem boxes an enumerator on every call.
    private bool MayBeMetadataActivity(Activity? activity)
    {
        if (activity is null)
        {
            return true;
        }

        string? url = null;
        var port = -1;
        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            if (tag.Key == "url.full")
            {
                url = tag.Value as string;
            }
            else if (tag.Key == "server.port" && tag.Value is int value)
            {
                port = value;
            }
        }

        return url is null || port < 0 || (_filter.IsWatchedPort(port) && _filter.IsMetadataUrl(url));
    }

    private bool IsTokenlessMetadataRequest(HttpRequestMessage request) =>
        request.RequestUri is { } uri
        && _filter.IsMetadataRequest(uri)
        && !request.Headers.Contains(ImdsProtocol.TokenHeader);

    private void OnStart(object? payload)
    {
        var request = _startRequest.Read(payload);
        if (!_running || request is null || !IsTokenlessMetadataRequest(request))
        {
            return;
        }

        var path = request.RequestUri!.AbsolutePath;
        var method = request.Method.Method;
        var captured = _callerCapture is null ? null : HttpClientCallerCapture.Take(request.RequestUri);
        var stack = captured ?? new StackTrace(1, fNeedFileInfo: false);
        var (index, key) = _locator.Find(stack, method, path);
        if (!_callSites.TryGetValue(key, out var site))
        {
            if (captured is null)
            {
                // Symbols only for a call site not seen before: the same frames again, with files and lines.
                stack = new StackTrace(1, fNeedFileInfo: true);
                (index, key) = _locator.Find(stack, method, path);
            }

            site = Remember(key, CallerLocator.Describe(stack, index, method, path));
        }

        if (_options.Strict)
        {
            _metrics.Failed(path);
            throw new ImdsTokenlessRequestException(site);
        }
    }

    private void OnStop(object? payload)
    {
        var request = _stopRequest.Read(payload);
        if (!_running || request is null || !IsTokenlessMetadataRequest(request))
        {
            return;
        }

        var path = request.RequestUri!.AbsolutePath;
        if (_stopResponse.Read(payload) is { } response)
        {
            _metrics.Answered(path, response.StatusCode == HttpStatusCode.Unauthorized);
        }
        else
        {
            _metrics.Failed(path);
        }
    }

    private ImdsCallSite Remember(CallerLocator.CallSiteKey key, ImdsCallSite site)
    {
        if (_callSites.Count >= _options.MaxCallSites)
        {
            if (Interlocked.Exchange(ref _limitLogged, 1) == 0)
            {
                MonitorLog.CallSiteLimitReached(_logger, _options.MaxCallSites);
            }

            return site;
        }

        if (!_callSites.TryAdd(key, site))
        {
            return _callSites.TryGetValue(key, out var first) ? first : site;
        }

        MonitorLog.TokenlessRequest(_logger, site.HttpMethod, site.Path, site.Describe(), site.StackTrace);
        try
        {
            _options.CallSiteDetected?.Invoke(site);
        }
        catch (Exception ex)
        {
            MonitorLog.CallbackFailed(_logger, ex);
        }

        return site;
    }

    private IEnumerable<Uri> WatchedEndpoints(ImdsCallMonitorOptions options)
    {
        var endpoints = new List<Uri>(MetadataRequestFilter.WellKnownEndpoints);
        try
        {
            endpoints.Add(ImdsEnvironment.Read(options.EnvironmentVariables).Endpoint);
        }
        catch (InvalidOperationException ex)
        {
            // A monitor must never stop an application: a bad setting is reported, not thrown.
            MonitorLog.InvalidEndpointSetting(_logger, ex.Message);
        }

        endpoints.AddRange(options.AdditionalEndpoints);
        return endpoints;
    }

    /// <summary>HttpClient's own switch for its diagnostics handler, read the way System.Net.Http reads it.</summary>
    internal static bool HttpDiagnosticsEnabled(Func<string, string?> getVariable)
    {
        if (AppContext.TryGetSwitch("System.Net.Http.EnableActivityPropagation", out var enabled))
        {
            return enabled;
        }

        var value = getVariable("DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION");
        return !(string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) || value == "0");
    }

    private sealed class ListenerObserver(ImdsCallMonitor monitor) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => monitor.Attach(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(ImdsCallMonitor monitor) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == StartEvent)
            {
                monitor.OnStart(value.Value);
            }
            else if (value.Key == StopEvent)
            {
                monitor.OnStop(value.Value);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
