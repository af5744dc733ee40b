namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>One way of sending the same request; the monitor variants start the process-wide monitor around their turn.</summary>
internal sealed record Variant(string Name, HttpClient Client, bool Monitor, bool AmbientActivity, bool EmptySubscriber = false)
{
    /// <summary>Start the monitor with <see cref="ImdsCallMonitorOptions.CaptureCallersThroughHttpClientEvents"/>.</summary>
    public bool CaptureCallers { get; init; }

    /// <summary>False for reference rows that the verdict does not judge.</summary>
    public bool Counts { get; init; } = true;

    /// <summary>
    /// The variants of both scenarios over one kind of connection: plain HttpClient first (the baseline), then the
    /// handler, the monitor, both, and the reference rows.
    /// </summary>
    public static IReadOnlyList<(string Scenario, Variant[] Variants)> Scenarios(Func<SocketsHttpHandler> transport)
    {
        var handlerOptions = new ImdsTokenHandlerOptions { EnvironmentVariables = _ => null };
        HttpClient Plain() => new(transport());
        HttpClient WithHandler() => new(new ImdsTokenHandler(transport(), handlerOptions));
        return
        [
            (NoActivity,
            [
                new Variant("HttpClient", Plain(), Monitor: false, AmbientActivity: false),
                new Variant(AgainName, Plain(), Monitor: false, AmbientActivity: false) { Counts = false },
                new Variant("+ ImdsTokenHandler", WithHandler(), Monitor: false, AmbientActivity: false),
                new Variant("+ ImdsCallMonitor", Plain(), Monitor: true, AmbientActivity: false),
                new Variant(SubscriberName, Plain(), Monitor: false, AmbientActivity: false, EmptySubscriber: true) { Counts = false },
                new Variant("+ both", WithHandler(), Monitor: true, AmbientActivity: false),
                new Variant(CaptureName, Plain(), Monitor: true, AmbientActivity: false) { CaptureCallers = true, Counts = false },
            ]),
            (InsideActivity,
            [
                new Variant("HttpClient", Plain(), Monitor: false, AmbientActivity: true),
                new Variant("+ ImdsCallMonitor", Plain(), Monitor: true, AmbientActivity: true),
                new Variant("+ both", WithHandler(), Monitor: true, AmbientActivity: true),
            ]),
        ];
    }

    public const string NoActivity = "no ambient Activity (console app, worker)";
    public const string InsideActivity = "inside an Activity (as in an ASP.NET Core request)";
    public const string AgainName = "(HttpClient again: the measurement's own spread)";
    public const string CaptureName = "(+ ImdsCallMonitor capturing callers through HttpClient's events, an option)";
    public const string SubscriberName = "(any listener subscriber, for reference)";
}
