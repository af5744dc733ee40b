using System;

namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>
    /// Combines a base address with a relative reference the way <c>new Uri(baseUri, relative)</c> and
    /// <c>HttpClient.BaseAddress</c> do, also when only the start of either is known.
    /// </summary>
    internal static class UrlCombiner
    {
        public static bool IsAbsolute(string text)
        {
            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            for (var i = 0; i < colon; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            // "/latest/x:y" and "x:y" without "//" are relative for our purpose; every metadata URL has "//".
            return text.Length > colon + 2 && text[colon + 1] == '/' && text[colon + 2] == '/';
        }

        /// <summary>True when the value is (or starts with) something that is not an absolute URL.</summary>
        public static bool IsRelativeOrNull(ResolvedText value) =>
            value.Kind == ResolvedTextKind.Null || (value.IsKnown && !IsAbsolute(value.Text));

        public static ResolvedText Combine(ResolvedText baseAddress, ResolvedText relative)
        {
            if (relative.IsKnown && IsAbsolute(relative.Text))
            {
                return relative;
            }

            if (relative.Kind == ResolvedTextKind.Null || (relative.IsComplete && relative.Text.Length == 0))
            {
                return baseAddress;
            }

            if (!baseAddress.IsKnown || !IsAbsolute(baseAddress.Text))
            {
                return ResolvedText.Unknown;
            }

            if (!relative.IsKnown)
            {
                // An unknown relative reference: assume a relative path, so only the base's directory is known.
                return ResolvedText.Prefix(Directory(baseAddress.Text));
            }

            if (baseAddress.IsComplete)
            {
                var combined = CombineComplete(baseAddress.Text, relative.Text);
                if (combined is null)
                {
                    return ResolvedText.Unknown;
                }

                return relative.IsComplete ? ResolvedText.Complete(combined) : ResolvedText.Prefix(combined);
            }

            // Only the start of the base is known: the relative part lands after its last known directory
            // unless it starts at the root of the host.
            return relative.Text.StartsWith("/", StringComparison.Ordinal)
                ? ResolvedText.Unknown
                : ResolvedText.Prefix(Directory(baseAddress.Text));
        }

        private static string? CombineComplete(string baseText, string relativeText)
        {
            if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri))
            {
                return null;
            }

            if (!Uri.TryCreate(relativeText, UriKind.Relative, out var relativeUri))
            {
                return null;
            }

            return Uri.TryCreate(baseUri, relativeUri, out var combined) ? combined.ToString() : null;
        }

        private static string Directory(string text)
        {
            var slash = text.LastIndexOf('/');
            var authorityStart = text.IndexOf("//", StringComparison.Ordinal);
            return slash > authorityStart + 1 ? text.Substring(0, slash + 1) : text;
        }
    }
}
