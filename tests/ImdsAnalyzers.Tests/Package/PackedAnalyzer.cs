using ImdsAnalyzers.Tests.Infrastructure;

namespace ImdsAnalyzers.Tests.Package;

/// <summary>
/// Packs src/ImdsAnalyzers.Package once per test run into a local folder feed. A unique
/// prerelease version keeps a stale copy in any package cache from ever being used.
/// </summary>
public sealed class PackedAnalyzer : IAsyncLifetime
{
    private readonly TempDirectory _scratch = new("imds-pack");

    public string FeedDirectory => _scratch.Combine("feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

    public string PackagePath => Path.Combine(FeedDirectory, $"ImdsAnalyzers.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "ImdsAnalyzers.Package", "ImdsAnalyzers.Package.csproj");
        await ProcessRunner.DotnetAsync(
                RepositoryPaths.Root,
                "pack", project, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version)
            .ContinueWith(t => t.Result.EnsureSuccess("dotnet pack"));
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}
