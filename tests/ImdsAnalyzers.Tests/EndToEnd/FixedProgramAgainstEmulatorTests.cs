using ImdsAnalyzers.CodeFixes.MetadataCalls;
using ImdsAnalyzers.MetadataCalls;
using ImdsAnalyzers.Tests.Infrastructure;
using ImdsEmulator;

namespace ImdsAnalyzers.Tests.EndToEnd;

/// <summary>
/// The promise of the IMDS001 fix, checked for real: a program with token-less reads is fixed by
/// the code fix alone, built with the SDK, and run against a metadata-service emulator that
/// requires tokens on 169.254.169.254 inside a network namespace. Every read must return the
/// emulator's value and the emulator must count no token-less call.
/// </summary>
public sealed class FixedProgramAgainstEmulatorTests
{
    private static readonly string[] ExpectedLines =
    [
        "instance-id=" + DefaultMetadata.InstanceId,
        "region=" + DefaultMetadata.Region,
        "availability-zone=" + DefaultMetadata.AvailabilityZone,
        "user-data-bytes=" + System.Text.Encoding.UTF8.GetByteCount(DefaultMetadata.UserData),
        "ami-id=" + DefaultMetadata.AmiId,
        "instance-type=" + DefaultMetadata.InstanceType,
        "local-ipv4=" + DefaultMetadata.LocalIpv4,
    ];

    [NetworkNamespaceFact]
    public async Task Fixed_program_reads_every_value_from_an_instance_that_requires_tokens()
    {
        var fixedSources = await WorkspaceFixer.FixUntilCleanAsync(
            new Dictionary<string, string> { ["Program.cs"] = TokenlessProgram.Source },
            new MetadataCallAnalyzer(),
            new TokenlessRequestCodeFixProvider(),
            TokenlessRequestCodeFixProvider.HelperEquivalenceKey);

        // The helper joins the fixed file rather than a new one (see SessionTokenHelperSource).
        Assert.Equal(["Program.cs"], fixedSources.Keys);
        Assert.Contains("internal static class ImdsSessionToken", fixedSources["Program.cs"], StringComparison.Ordinal);

        using var work = new TempDirectory("imds-e2e");
        var original = await BuildAsync(work, "original", new Dictionary<string, string> { ["Program.cs"] = TokenlessProgram.Source });
        var repaired = await BuildAsync(work, "fixed", fixedSources);

        await using var ns = await NetworkNamespace.CreateAsync();
        await using var emulator = await EmulatorProcess.StartAsync(
            ["--listen", "169.254.169.254:80", "--tokens", "required"],
            launcher: ["ip", "netns", "exec", ns.Name]);

        // The unfixed program fails on the first read: this is what the fix must change.
        var before = await ProcessRunner.RunAsync("ip", ns.Wrap("dotnet", original), timeout: TimeSpan.FromMinutes(1));
        Assert.Equal(3, before.ExitCode);
        Assert.Contains("failed=", before.StandardOutput, StringComparison.Ordinal);

        var after = await ProcessRunner.RunAsync("ip", ns.Wrap("dotnet", repaired), timeout: TimeSpan.FromMinutes(1));
        Assert.True(after.ExitCode == 0, "The fixed program failed:" + Environment.NewLine + after.Combined);
        var lines = after.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(ExpectedLines, lines);

        var counters = await emulator.StopAsync();
        Assert.True(counters.TokenlessRejected == 1, "only the unfixed program's first read is refused: " + counters.ToJson());
        Assert.Equal(0, counters.TokenlessAccepted);
        Assert.True(counters.TokenRequests >= 1, counters.ToJson());
        // One token for the whole run: the helper caches it.
        Assert.Equal(1, counters.TokenRequests);
        Assert.Equal(ExpectedLines.Length, counters.AuthenticatedRequests);
    }

    private static async Task<string> BuildAsync(TempDirectory work, string name, IReadOnlyDictionary<string, string> sources)
    {
        work.Write(Path.Combine(name, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        foreach (var (file, text) in sources)
        {
            work.Write(Path.Combine(name, file), text);
        }

        var output = work.Combine(name, "out");
        (await ProcessRunner.DotnetAsync(work.Combine(name), "build", "-c", "Release", "-o", output)).EnsureSuccess("dotnet build " + name);
        return Path.Combine(output, name + ".dll");
    }
}
