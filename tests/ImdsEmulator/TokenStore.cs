using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ImdsEmulator;

/// <summary>Issued session tokens and when each expires.</summary>
internal sealed class TokenStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue(TimeSpan ttl)
    {
        // EC2's tokens are opaque base64 strings of about this length.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(42));
        _expiries[token] = clock.GetUtcNow() + ttl;
        return token;
    }

    public bool IsValid(string token)
    {
        if (!_expiries.TryGetValue(token, out var expiry))
        {
            return false;
        }

        if (clock.GetUtcNow() < expiry)
        {
            return true;
        }

        _expiries.TryRemove(token, out _);
        return false;
    }

    public void RevokeAll() => _expiries.Clear();
}
