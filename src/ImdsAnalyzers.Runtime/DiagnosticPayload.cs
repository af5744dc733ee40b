using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Reads <c>Request</c> and <c>Response</c> from the payloads of HttpClient's diagnostic events. The payload types
/// are private to System.Net.Http; their public properties are the documented contract.
/// </summary>
internal static class DiagnosticPayload
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> RequestProperties = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ResponseProperties = new();

    public static HttpRequestMessage? Request(object? payload) =>
        payload is null ? null : Read(RequestProperties, payload, "Request") as HttpRequestMessage;

    public static HttpResponseMessage? Response(object? payload) =>
        payload is null ? null : Read(ResponseProperties, payload, "Response") as HttpResponseMessage;

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "System.Net.Http keeps these payload properties for diagnostic consumers.")]
    private static object? Read(ConcurrentDictionary<Type, PropertyInfo?> cache, object payload, string name)
    {
        var property = cache.GetOrAdd(payload.GetType(), static (type, n) => type.GetProperty(n, BindingFlags.Public | BindingFlags.Instance), name);
        return property?.GetValue(payload);
    }
}
