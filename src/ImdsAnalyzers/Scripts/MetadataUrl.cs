using System;
using ImdsAnalyzers.MetadataCalls;

namespace ImdsAnalyzers.Scripts
{
    internal enum MetadataPathKind
    {
        /// <summary>Same address, but another service: Azure /metadata, GCP /computeMetadata, OpenStack, another port.</summary>
        OtherService,

        /// <summary>An AWS metadata path (/latest/..., a dated version, or the root): needs a session token.</summary>
        Metadata,

        /// <summary>The token endpoint itself (PUT /latest/api/token).</summary>
        TokenEndpoint,
    }

    /// <summary>A metadata-service URL found in script text.</summary>
    internal readonly struct MetadataUrl
    {
        public MetadataUrl(int hostStart, int hostEnd, MetadataPathKind kind)
        {
            HostStart = hostStart;
            HostEnd = hostEnd;
            Kind = kind;
        }

        public int HostStart { get; }

        /// <summary>End of the host, including an explicit port.</summary>
        public int HostEnd { get; }

        public MetadataPathKind Kind { get; }

        public const string IPv4Host = MetadataEndpoint.Ipv4Host;
        public const string IPv6Host = "fd00:ec2::254";

        /// <summary>Stands for an interpolation hole or other unknown text in a script.</summary>
        public const char Hole = '\uFFFC';

        /// <summary>The analyzer's fast path: true only when a string could hold a metadata-service URL.</summary>
        public static bool MayOccurIn(string text) =>
            text.IndexOf(IPv4Host, StringComparison.Ordinal) >= 0
            || text.IndexOf(IPv6Host, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// Matches a metadata URL whose host starts at <paramref name="index"/>. A bare address without
        /// scheme or path (curl --noproxy 169.254.169.254) names the host but is not a request to it.
        /// </summary>
        public static bool TryMatch(string text, int index, out MetadataUrl url)
        {
            url = default;
            int hostEnd;
            if (text[index] == '1' && Matches(text, index, IPv4Host, StringComparison.Ordinal))
            {
                if (index > 0 && (char.IsLetterOrDigit(text[index - 1]) || text[index - 1] == '.'))
                {
                    return false;
                }

                hostEnd = index + IPv4Host.Length;
                if (hostEnd < text.Length && (char.IsLetterOrDigit(text[hostEnd])
                    || (text[hostEnd] == '.' && hostEnd + 1 < text.Length && char.IsLetterOrDigit(text[hostEnd + 1]))))
                {
                    return false;
                }
            }
            else if (text[index] == '[' && Matches(text, index + 1, IPv6Host, StringComparison.OrdinalIgnoreCase)
                && index + 1 + IPv6Host.Length < text.Length && text[index + 1 + IPv6Host.Length] == ']')
            {
                hostEnd = index + IPv6Host.Length + 2;
            }
            else
            {
                return false;
            }

            var hasScheme = Matches(text, index - 7, "http://", StringComparison.OrdinalIgnoreCase)
                || Matches(text, index - 8, "https://", StringComparison.OrdinalIgnoreCase);

            var kind = MetadataPathKind.Metadata;
            var position = hostEnd;
            if (position < text.Length && text[position] == ':' && position + 1 < text.Length && char.IsDigit(text[position + 1]))
            {
                var portStart = position + 1;
                position = portStart;
                while (position < text.Length && char.IsDigit(text[position]))
                {
                    position++;
                }

                if (position - portStart != 2 || text[portStart] != '8' || text[portStart + 1] != '0')
                {
                    kind = MetadataPathKind.OtherService;
                }

                hostEnd = position;
            }

            // Without a scheme the address must start a word: "example.com/169.254.169.254/..." is another host's path.
            var hasPath = position < text.Length && text[position] == '/';
            if (!hasScheme && (!hasPath || (index > 0 && (text[index - 1] == '/' || text[index - 1] == '@' || text[index - 1] == ':'))))
            {
                return false;
            }

            if (kind == MetadataPathKind.Metadata && hasPath)
            {
                kind = ClassifyPath(text, position);
            }

            url = new MetadataUrl(index, hostEnd, kind);
            return true;
        }

        private static MetadataPathKind ClassifyPath(string text, int slash)
        {
            var segmentStart = slash + 1;
            var segmentEnd = segmentStart;
            while (segmentEnd < text.Length && !EndsSegment(text[segmentEnd]))
            {
                segmentEnd++;
            }

            var length = segmentEnd - segmentStart;
            if (length == 0 || text[segmentStart] == Hole || text[segmentStart] == '$')
            {
                // The root, or a path the script computes: treat it as the AWS service it most likely is.
                return MetadataPathKind.Metadata;
            }

            var isVersion = (length == 6 && Matches(text, segmentStart, "latest", StringComparison.Ordinal))
                || IsDatedVersion(text, segmentStart, length);
            if (!isVersion)
            {
                return MetadataPathKind.OtherService;
            }

            return Matches(text, segmentEnd, "/api/token", StringComparison.Ordinal)
                && (segmentEnd + 10 == text.Length || EndsSegment(text[segmentEnd + 10]))
                ? MetadataPathKind.TokenEndpoint
                : MetadataPathKind.Metadata;
        }

        private static bool IsDatedVersion(string text, int start, int length)
        {
            if (length != 10 || text[start + 4] != '-' || text[start + 7] != '-')
            {
                return false;
            }

            for (var i = 0; i < 10; i++)
            {
                if (i != 4 && i != 7 && !char.IsDigit(text[start + i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EndsSegment(char c) =>
            c == '/' || c == '?' || c == '#' || char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == ')' || c == ';'
            || c == '|' || c == '&' || c == '`' || c == '}' || c == '>' || c == '<' || c == ',';

        internal static bool Matches(string text, int index, string value, StringComparison comparison) =>
            index >= 0 && index + value.Length <= text.Length && string.Compare(text, index, value, 0, value.Length, comparison) == 0;
    }
}
