namespace ImdsAnalyzers.MetadataCalls
{
    internal enum ResolvedTextKind
    {
        /// <summary>Nothing is known about the value.</summary>
        Unknown,

        /// <summary>The value is the null reference (HttpClient then uses its BaseAddress).</summary>
        Null,

        /// <summary>The value starts with <see cref="ResolvedText.Text"/>; the rest is not known at compile time.</summary>
        Prefix,

        /// <summary>The value is exactly <see cref="ResolvedText.Text"/>.</summary>
        Complete,
    }

    /// <summary>A string value as far as it is known at compile time: all of it, its start, or nothing.</summary>
    internal readonly struct ResolvedText
    {
        public static readonly ResolvedText Unknown = default;
        public static readonly ResolvedText Null = new ResolvedText(ResolvedTextKind.Null, string.Empty);

        private ResolvedText(ResolvedTextKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public ResolvedTextKind Kind { get; }

        /// <summary>The whole value when complete, the known start when a prefix, empty otherwise.</summary>
        public string Text { get; }

        public bool IsComplete => Kind == ResolvedTextKind.Complete;

        public bool IsKnown => Kind == ResolvedTextKind.Complete || (Kind == ResolvedTextKind.Prefix && Text.Length > 0);

        public static ResolvedText Complete(string text) => new ResolvedText(ResolvedTextKind.Complete, text);

        public static ResolvedText Prefix(string text) =>
            text.Length == 0 ? Unknown : new ResolvedText(ResolvedTextKind.Prefix, text);

        /// <summary>String concatenation: null counts as empty, and nothing after an unknown part is known.</summary>
        public ResolvedText Append(ResolvedText next)
        {
            switch (Kind)
            {
                case ResolvedTextKind.Unknown:
                    return Unknown;
                case ResolvedTextKind.Prefix:
                    return this;
            }

            var head = Kind == ResolvedTextKind.Null ? string.Empty : Text;
            switch (next.Kind)
            {
                case ResolvedTextKind.Null:
                    return Complete(head);
                case ResolvedTextKind.Complete:
                    return Complete(head + next.Text);
                case ResolvedTextKind.Prefix:
                    return Prefix(head + next.Text);
                default:
                    return Prefix(head);
            }
        }

        public override string ToString() => Kind == ResolvedTextKind.Prefix ? Text + "..." : Kind == ResolvedTextKind.Complete ? Text : Kind.ToString();
    }
}
