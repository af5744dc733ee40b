using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ImdsAnalyzers.Runtime.Tests.Support;

internal sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Records what the ImdsAnalyzers.Runtime meter reports, the way an exporter would see it.</summary>
internal sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ImdsAnalyzers.Runtime")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value))));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public long Sum(string instrument, string? path = null) =>
        Measurements.Where(m => m.Instrument == instrument && (path is null || Equals(m.Tags["url.path"], path))).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
