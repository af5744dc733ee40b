namespace ImdsAnalyzers.Benchmarks.Scan;

public static class FolderScanner
{
    public static Task<int> RunAsync(string folder, bool perFolder) => Task.FromResult(0);
}
