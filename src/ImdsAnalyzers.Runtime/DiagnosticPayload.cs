using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Reads <c>Request</c> and <c>Response</c> from the payloads of HttpClient's diagnostic events. The payload types
/// are private to System.Net.Http; their public properties are the documented contract. Inside an ambient Activity
/// every request raises these events, so each property is read through a delegate built once per payload type.
/// </summary>
internal sealed class DiagnosticPayload<TValue>(string propertyName) where TValue : class
{
    private Reader? _last;

    public TValue? Read(object? payload)
    {
        if (payload is null)
        {
            return null;
        }

        var reader = _last;
        if (reader is null || reader.Type != payload.GetType())
        {
            reader = new Reader(payload.GetType(), Build(payload.GetType(), propertyName));
            _last = reader;
        }

        return reader.Get?.Invoke(payload);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "System.Net.Http keeps these payload properties for diagnostic consumers.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The generic instantiation is over reference types only.")]
    private static Func<object, TValue?>? Build(Type payloadType, string name)
    {
        var getter = payloadType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetMethod;
        if (getter is null || !typeof(TValue).IsAssignableFrom(getter.ReturnType) || getter.ReturnType.IsValueType)
        {
            return null;
        }

        return (Func<object, TValue?>)typeof(DiagnosticPayload<TValue>)
            .GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(payloadType, getter.ReturnType)
            .Invoke(null, [getter])!;
    }

    private static Func<object, TValue?> Typed<TPayload, TProperty>(MethodInfo getter) where TProperty : TValue
    {
        var get = getter.CreateDelegate<Func<TPayload, TProperty>>();
        return payload => get((TPayload)payload);
    }

    private sealed record Reader(Type Type, Func<object, TValue?>? Get);
}
