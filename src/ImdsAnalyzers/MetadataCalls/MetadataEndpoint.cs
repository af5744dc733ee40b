using System;
using System.Net;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>What a URL (or the known start of one) asks the EC2 instance metadata service for.</summary>
    internal enum MetadataPathKind
    {
        /// <summary>Not the EC2 metadata service, or not enough is known to say so.</summary>
        None,

        /// <summary>An AWS data path: the root, <c>/latest/...</c> or a dated version.</summary>
        Data,

        /// <summary>Only the start is known and it may still turn out to be the token endpoint (e.g. <c>/latest/</c> + unknown).</summary>
        PossibleToken,

        /// <summary>The session token endpoint, <c>/{version}/api/token</c>.</summary>
        Token,
    }

    internal readonly struct MetadataUrlMatch
    {
        public MetadataUrlMatch(MetadataPathKind kind, bool isDatedVersion, bool isIpv6)
        {
            Kind = kind;
            IsDatedVersion = isDatedVersion;
            IsIpv6 = isIpv6;
        }

        public MetadataPathKind Kind { get; }

        /// <summary>The path starts with a dated version such as <c>/2016-09-02</c> instead of <c>/latest</c>.</summary>
        public bool IsDatedVersion { get; }

        public bool IsIpv6 { get; }
    }

    /// <summary>
    /// Recognises URLs of the EC2 instance metadata service. Pure string logic, shared with the code fixes.
    /// Azure (<c>/metadata/...</c>) and GCP (<c>/computeMetadata/...</c>) answer on the same address, so a URL
    /// counts only when its path is one the EC2 service serves.
    /// </summary>
    internal static class MetadataEndpoint
    {
        public const string Ipv4Host = "169.254.169.254";
        public const string TokenPath = "/latest/api/token";

        private const string LatestVersion = "latest";
        private const string TokenRelativePath = "api/token";

        private static readonly IPAddress Ipv6Address = IPAddress.Parse("fd00:ec2::254");

        /// <summary>Classifies a fully known URL.</summary>
        public static bool TryMatch(string url, out MetadataUrlMatch match) => TryMatch(url, isComplete: true, out match);

        /// <summary>
        /// Classifies a URL, or only its known start when <paramref name="isComplete"/> is false. A start
        /// counts only when it already names the endpoint and an AWS version segment; the bare address
        /// followed by something unknown could be Azure or GCP and is not matched.
        /// </summary>
        public static bool TryMatch(string url, bool isComplete, out MetadataUrlMatch match)
        {
            match = default;
            if (url is null)
            {
                return false;
            }

            var start = 0;
            while (start < url.Length && char.IsWhiteSpace(url[start]))
            {
                start++;
            }

            if (!StartsWithIgnoreCase(url, start, "http://"))
            {
                return false;
            }

            var position = start + "http://".Length;
            bool isIpv6;
            if (StartsWithIgnoreCase(url, position, Ipv4Host))
            {
                isIpv6 = false;
                position += Ipv4Host.Length;
            }
            else if (TryReadIpv6Host(url, ref position))
            {
                isIpv6 = true;
            }
            else
            {
                return false;
            }

            if (position < url.Length && url[position] == ':')
            {
                if (!StartsWithIgnoreCase(url, position, ":80"))
                {
                    return false;
                }

                position += 3;
            }

            if (position == url.Length)
            {
                // The root itself is an AWS path; the bare address followed by something unknown is not.
                return Complete(isComplete, new MetadataUrlMatch(MetadataPathKind.Data, false, isIpv6), out match);
            }

            var next = url[position];
            if (next == '?' || next == '#')
            {
                return Complete(isComplete, new MetadataUrlMatch(MetadataPathKind.Data, false, isIpv6), out match);
            }

            if (next != '/')
            {
                return false;
            }

            position++;
            var segmentEnd = position;
            while (segmentEnd < url.Length && url[segmentEnd] != '/' && url[segmentEnd] != '?' && url[segmentEnd] != '#')
            {
                segmentEnd++;
            }

            if (segmentEnd == position)
            {
                if (segmentEnd == url.Length || url[segmentEnd] != '/')
                {
                    return Complete(isComplete, new MetadataUrlMatch(MetadataPathKind.Data, false, isIpv6), out match);
                }

                return false;
            }

            bool isDated;
            if (IsSegment(url, position, segmentEnd, LatestVersion))
            {
                isDated = false;
            }
            else if (IsDatedVersion(url, position, segmentEnd))
            {
                isDated = true;
            }
            else
            {
                return false;
            }

            var rest = segmentEnd < url.Length && url[segmentEnd] == '/' ? segmentEnd + 1 : segmentEnd;
            var kind = ClassifyRest(url, rest, isComplete);
            match = new MetadataUrlMatch(kind, isDated, isIpv6);
            return true;
        }

        /// <summary>
        /// The token URL on the same endpoint as <paramref name="url"/> (scheme, host and port kept), with the
        /// path <c>/latest/api/token</c>. Used to repair a token request sent to a dated version.
        /// </summary>
        public static string ToLatestTokenUrl(string url)
        {
            var authority = url.IndexOf("//", StringComparison.Ordinal);
            var pathStart = authority < 0 ? -1 : url.IndexOf('/', authority + 2);
            var origin = pathStart < 0 ? url.TrimEnd() : url.Substring(0, pathStart);
            return origin + TokenPath;
        }

        /// <summary>True when the fully known URL is the session token endpoint.</summary>
        public static bool IsTokenPath(string url) => TryMatch(url, out var match) && match.Kind == MetadataPathKind.Token;

        private static MetadataPathKind ClassifyRest(string url, int rest, bool isComplete)
        {
            var pathEnd = rest;
            while (pathEnd < url.Length && url[pathEnd] != '?' && url[pathEnd] != '#')
            {
                pathEnd++;
            }

            var length = pathEnd - rest;
            if (isComplete || pathEnd < url.Length)
            {
                return length == TokenRelativePath.Length && string.CompareOrdinal(url, rest, TokenRelativePath, 0, length) == 0
                    ? MetadataPathKind.Token
                    : MetadataPathKind.Data;
            }

            // Only the start of the path is known: it may still become api/token.
            return length <= TokenRelativePath.Length && string.CompareOrdinal(url, rest, TokenRelativePath, 0, length) == 0
                ? MetadataPathKind.PossibleToken
                : MetadataPathKind.Data;
        }

        private static bool Complete(bool isComplete, MetadataUrlMatch candidate, out MetadataUrlMatch match)
        {
            match = isComplete ? candidate : default;
            return isComplete;
        }

        private static bool TryReadIpv6Host(string url, ref int position)
        {
            if (position >= url.Length || url[position] != '[')
            {
                return false;
            }

            var close = url.IndexOf(']', position);
            if (close < 0 || close - position > 50)
            {
                return false;
            }

            var inner = url.Substring(position + 1, close - position - 1);
            if (!IPAddress.TryParse(inner, out var address) || !address.Equals(Ipv6Address))
            {
                return false;
            }

            position = close + 1;
            return true;
        }

        private static bool IsSegment(string url, int start, int end, string segment) =>
            end - start == segment.Length && string.CompareOrdinal(url, start, segment, 0, segment.Length) == 0;

        private static bool IsDatedVersion(string url, int start, int end)
        {
            if (end - start != 10 || url[start + 4] != '-' || url[start + 7] != '-')
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (i != start + 4 && i != start + 7 && (url[i] < '0' || url[i] > '9'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithIgnoreCase(string text, int start, string value) =>
            text.Length - start >= value.Length && string.Compare(text, start, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
