namespace ImdsAnalyzers.Runtime.Tests;

/// <summary>Tests that start the process-wide monitor or change the process environment run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide state";
}
