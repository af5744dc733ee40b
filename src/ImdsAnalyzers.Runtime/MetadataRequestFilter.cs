namespace ImdsAnalyzers.Runtime;

/// <summary>
/// Recognises requests bound for the EC2 metadata service: a known endpoint (host and port) and an AWS metadata
/// path (<c>/</c>, <c>/latest/...</c>, <c>/1.0/...</c> or a dated version). The endpoint check comes first and costs
/// no allocation, so that requests to anywhere else pass at the price of an integer and a string comparison.
/// </summary>
internal sealed class MetadataRequestFilter
{
    private readonly Endpoint[] _endpoints;

    public MetadataRequestFilter(IEnumerable<Uri> endpoints)
    {
        var list = new List<Endpoint>();
        foreach (var uri in endpoints)
        {
            var endpoint = new Endpoint(uri.Host, uri.Port);
            if (!list.Contains(endpoint))
            {
                list.Add(endpoint);
            }
        }

        _endpoints = list.ToArray();
    }

    /// <summary>The metadata service's addresses the AWS SDKs know, plus EC2's DNS names for it.</summary>
    public static IEnumerable<Uri> WellKnownEndpoints =>
    [
        ImdsProtocol.IPv4Endpoint,
        ImdsProtocol.IPv6Endpoint,
        new Uri("http://instance-data/"),
        new Uri("http://instance-data.ec2.internal/"),
    ];

    // The port first: most requests to other servers use another port, and then the host is never read.
    public bool IsMetadataEndpoint(Uri uri) =>
        uri.IsAbsoluteUri && IsWatchedPort(uri.Port) && IsMetadataEndpoint(uri.Host.AsSpan(), uri.Port);

    /// <summary>The same test on a host as HttpClient's events and activity tags give it (IPv6 with or without brackets).</summary>
    public bool IsMetadataEndpoint(string host, int port) => IsMetadataEndpoint(host.AsSpan(), port);

    private bool IsMetadataEndpoint(ReadOnlySpan<char> host, int port)
    {
        host = host.Trim("[]");
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Port == port && endpoint.Host.AsSpan().Trim("[]").Equals(host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some watched endpoint listens on this port.</summary>
    public bool IsWatchedPort(int port)
    {
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Port == port)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The endpoint test on an absolute http(s) URL given as text, such as an activity's <c>url.full</c> tag, without
    /// parsing it into a <see cref="Uri"/> (which would allocate for every request).
    /// </summary>
    public bool IsMetadataUrl(string url)
    {
        var text = url.AsSpan();
        var schemeEnd = text.IndexOf("://".AsSpan(), StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var scheme = text[..schemeEnd];
        var authority = text[(schemeEnd + 3)..];
        var authorityEnd = authority.IndexOfAny("/?#".AsSpan());
        if (authorityEnd >= 0)
        {
            authority = authority[..authorityEnd];
        }

        var userInfoEnd = authority.LastIndexOf('@');
        if (userInfoEnd >= 0)
        {
            authority = authority[(userInfoEnd + 1)..];
        }

        // An IPv6 host keeps its colons inside brackets; the port, if any, follows the last colon outside them.
        var hostEnd = authority.Length;
        var portStart = -1;
        if (!authority.IsEmpty && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            hostEnd = close + 1;
            if (hostEnd < authority.Length)
            {
                if (authority[hostEnd] != ':')
                {
                    return false;
                }

                portStart = hostEnd + 1;
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                hostEnd = colon;
                portStart = colon + 1;
            }
        }

        int port;
        if (portStart < 0)
        {
            port = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        }
        else if (!int.TryParse(authority[portStart..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
        {
            return false;
        }

        return IsMetadataEndpoint(authority[..hostEnd], port);
    }

    /// <summary>True for a request to a metadata endpoint with a metadata path, except the token request itself.</summary>
    public bool IsMetadataRequest(Uri uri) =>
        IsMetadataEndpoint(uri) && Classify(uri.AbsolutePath) == PathKind.Metadata;

    public static PathKind Classify(string path)
    {
        if (path.Length <= 1)
        {
            return PathKind.Metadata;
        }

        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        var version = slash < 0 ? rest : rest[..slash];
        if (!IsVersion(version))
        {
            return PathKind.Other;
        }

        var below = slash < 0 ? ReadOnlySpan<char>.Empty : rest[(slash + 1)..];
        return below.SequenceEqual("api/token") ? PathKind.Token : PathKind.Metadata;
    }

    private static bool IsVersion(ReadOnlySpan<char> segment)
    {
        if (segment.SequenceEqual("latest") || segment.SequenceEqual("1.0"))
        {
            return true;
        }

        // YYYY-MM-DD
        if (segment.Length != 10 || segment[4] != '-' || segment[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < segment.Length; i++)
        {
            if (i != 4 && i != 7 && !char.IsAsciiDigit(segment[i]))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Endpoint(string Host, int Port);

    internal enum PathKind
    {
        Other,
        Metadata,
        Token,
    }
}
