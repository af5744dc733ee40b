using System.Diagnostics;

namespace ImdsAnalyzers.Runtime.Benchmarks;

/// <summary>
/// Subscribes to HttpClient's diagnostic listener and wants no event at all: the least any listener-based monitor
/// can cost, which shows how much of the monitor's cost is HttpClient's and how much its own.
/// </summary>
internal sealed class EmptySubscriber : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    private EmptySubscriber()
    {
    }

    public static EmptySubscriber Start()
    {
        var subscriber = new EmptySubscriber();
        subscriber._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(subscriber));
        return subscriber;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            _subscriptions.Add(value.Subscribe(this, static (_, _, _) => false));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
