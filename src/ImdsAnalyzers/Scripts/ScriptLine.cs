namespace ImdsAnalyzers.Scripts
{
    internal enum ScriptLineKind
    {
        Code,
        Blank,
        Comment,

        /// <summary>An EC2 user-data marker such as &lt;powershell&gt; or &lt;/script&gt;.</summary>
        Tag,

        /// <summary>Heredoc or here-string body, or the inside of a block comment.</summary>
        Data,
    }

    /// <summary>A logical script line: physical lines joined by trailing '\' (shell) or '`' (PowerShell).</summary>
    internal sealed class ScriptLine
    {
        public ScriptLine(int start, int end, int contentStart, int contentEnd, ScriptLineKind kind, bool isTopLevel)
        {
            Start = start;
            End = end;
            ContentStart = contentStart;
            ContentEnd = contentEnd;
            Kind = kind;
            IsTopLevel = isTopLevel;
        }

        public int Start { get; }

        /// <summary>End of the line, before its line break.</summary>
        public int End { get; }

        /// <summary>First character after the indentation.</summary>
        public int ContentStart { get; }

        /// <summary>End of the line without trailing whitespace.</summary>
        public int ContentEnd { get; }

        public ScriptLineKind Kind { get; }

        /// <summary>The line starts outside any block, bracket or quote: a statement here always runs before what follows.</summary>
        public bool IsTopLevel { get; }
    }
}
