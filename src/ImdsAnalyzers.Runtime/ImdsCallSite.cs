namespace ImdsAnalyzers.Runtime;

/// <summary>Where a token-less metadata request came from.</summary>
/// <param name="Caller">
/// The first method on the stack outside .NET, Microsoft.Extensions and this package (and outside the namespaces of
/// <see cref="ImdsCallMonitorOptions.CallerSkipPrefixes"/>), as <c>Namespace.Type.Method</c>; null when the request was
/// started on a thread that holds no frame of the caller (see <see cref="ImdsCallMonitorOptions.CaptureCallersThroughHttpClientEvents"/>).
/// </param>
/// <param name="File">The caller's source file, when its symbols are there.</param>
/// <param name="Line">The caller's line, when its symbols are there.</param>
/// <param name="HttpMethod">The request's method.</param>
/// <param name="Path">The request's path, without the query.</param>
/// <param name="StackTrace">The stack from the caller down, or the whole stack when the caller is unknown.</param>
public sealed record ImdsCallSite(string? Caller, string? File, int? Line, string HttpMethod, string Path, string StackTrace)
{
    public const string UnknownCaller = "an unknown caller (the request started on a thread-pool thread with none of the caller's frames)";

    /// <summary>The caller with its file and line where known, for messages.</summary>
    public string Describe() =>
        Caller is null ? UnknownCaller
        : File is null ? Caller
        : $"{Caller} ({System.IO.Path.GetFileName(File)}:line {Line})";
}
