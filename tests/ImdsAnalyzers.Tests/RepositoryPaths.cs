namespace ImdsAnalyzers.Tests;

/// <summary>Locates the repository from the test binaries, so tests can read docs, samples and build the package.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImdsAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ImdsAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
