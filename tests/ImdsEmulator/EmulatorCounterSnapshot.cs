using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImdsEmulator;

/// <summary>The counters at one moment. The console program prints this as one JSON line when it stops.</summary>
public sealed record EmulatorCounterSnapshot(
    long TokenRequests,
    long TokenRequestsRejected,
    long TokenlessAccepted,
    long TokenlessRejected,
    long AuthenticatedRequests,
    long InvalidTokenRejected,
    IReadOnlyDictionary<string, long> Paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>One line of JSON with camel-case names, for example <c>{"tokenRequests":1,...,"paths":{...}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EmulatorCounterSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<EmulatorCounterSnapshot>(json, Json)
        ?? throw new JsonException("The counters line was the JSON literal null.");

    // Records compare dictionaries by reference; compare the path counts too.
    public bool Equals(EmulatorCounterSnapshot? other) =>
        other is not null
        && TokenRequests == other.TokenRequests
        && TokenRequestsRejected == other.TokenRequestsRejected
        && TokenlessAccepted == other.TokenlessAccepted
        && TokenlessRejected == other.TokenlessRejected
        && AuthenticatedRequests == other.AuthenticatedRequests
        && InvalidTokenRejected == other.InvalidTokenRejected
        && Paths.Count == other.Paths.Count
        && Paths.All(pair => other.Paths.TryGetValue(pair.Key, out var count) && count == pair.Value);

    public override int GetHashCode() => HashCode.Combine(TokenRequests, TokenlessAccepted, AuthenticatedRequests, Paths.Count);
}
