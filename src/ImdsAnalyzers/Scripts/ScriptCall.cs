namespace ImdsAnalyzers.Scripts
{
    internal enum ScriptCommand
    {
        Curl,
        Wget,
        InvokeRestMethod,
        InvokeWebRequest,
    }

    /// <summary>One curl, wget, Invoke-RestMethod or Invoke-WebRequest call found in a script.</summary>
    internal sealed class ScriptCall
    {
        public ScriptCall(ScriptCommand command, int commandStart, int commandEnd, int line)
        {
            Command = command;
            CommandStart = commandStart;
            CommandEnd = commandEnd;
            Line = line;
        }

        public ScriptCommand Command { get; }

        /// <summary>Span of the command word as written (with any ".exe").</summary>
        public int CommandStart { get; }

        public int CommandEnd { get; }

        /// <summary>Logical line (after joining continuations) that holds the command word.</summary>
        public int Line { get; }

        public bool IsExe { get; set; }

        public MetadataUrl? Url { get; set; }

        public bool HasTokenHeader { get; set; }

        /// <summary>A header argument whose value the script computes (-H "$AUTH", -Headers $headers).</summary>
        public bool HasComputedHeader { get; set; }

        /// <summary>Offset just inside "@{" of a PowerShell -Headers hashtable, or -1.</summary>
        public int HeadersHashtableInsert { get; set; } = -1;

        public bool HasHeadersParameter { get; set; }

        public bool HasPowerShellParameters { get; set; }

        public bool HasNativeOptions { get; set; }

        /// <summary>The call sits where inserted text would change meaning: inside a quoted "-c" script, a heredoc, a here-string.</summary>
        public bool FixBlocked { get; set; }

        /// <summary>The variable the call's output is assigned to (TOKEN=$(curl ...), $token = Invoke-RestMethod ...).</summary>
        public string? AssignedVariable { get; set; }

        public bool IsCmdlet => Command == ScriptCommand.InvokeRestMethod || Command == ScriptCommand.InvokeWebRequest;

        public bool IsMetadataRequest => Url is { Kind: MetadataPathKind.Metadata };

        public bool IsTokenRequest => Url is { Kind: MetadataPathKind.TokenEndpoint };
    }
}
