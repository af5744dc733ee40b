namespace ImdsAnalyzers.Benchmarks.Corpus;

/// <summary>One generated source file. <paramref name="ExpectedId"/> names the rule it is written to trigger, if any.</summary>
public sealed record CorpusFile(string Path, string Text, string Kind, string? ExpectedId);
