namespace ImdsCheck.Aws;

/// <summary>Removes the secret key and session token from any text before it is printed.</summary>
public sealed class SecretRedactor
{
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        // Short values would blank out ordinary words; real secrets are long.
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 8)
        {
            lock (_secrets)
            {
                _secrets.Add(secret);
            }
        }
    }

    public string Redact(string text)
    {
        lock (_secrets)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, "****", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
