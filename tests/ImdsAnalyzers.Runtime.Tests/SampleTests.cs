using System.Diagnostics;

namespace ImdsAnalyzers.Runtime.Tests;

/// <summary>Runs samples/RuntimeMonitorDemo as a program, the way its documentation tells a reader to.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_demo_names_the_reflection_call_site_and_its_counts_match_the_instance()
    {
        var (exitCode, output) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("Token-less (IMDSv1) instance metadata request GET /latest/meta-data/placement/availability-zone from RuntimeMonitorDemo.InventoryPlugin.ReadZone", output);
        Assert.Contains("call site: RuntimeMonitorDemo.InventoryPlugin.ReadZone (InventoryPlugin.cs:line ", output);
        Assert.Contains("imds.requests.tokenless = 1, imds.requests.tokenless.rejected = 0, imds.requests.tokenless.failed = 0", output);
        Assert.Contains("the emulated instance counted MetadataNoToken = 1, MetadataNoTokenRejected = 0", output);
    }

    [Fact]
    public async Task In_strict_mode_the_demo_call_fails_with_the_monitor_exception()
    {
        var (exitCode, output) = await RunAsync("--strict");

        Assert.Equal(0, exitCode);
        Assert.Contains("failed: ImdsTokenlessRequestException: A token-less (IMDSv1) instance metadata request was blocked by ImdsCallMonitor strict mode", output);
        Assert.Contains("MetadataNoToken = 0", output);
    }

    [Fact]
    public async Task With_HttpClient_diagnostics_switched_off_the_monitor_sees_nothing_and_says_so()
    {
        var (exitCode, output) = await RunWithEnvironmentAsync(["DOTNET_SYSTEM_NET_HTTP_ENABLEACTIVITYPROPAGATION=false"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("HttpClient diagnostics are switched off", output);
        Assert.Contains("imds.requests.tokenless = 0", output);
        Assert.Contains("MetadataNoToken = 1", output);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunWithEnvironmentAsync([], arguments);

    private static async Task<(int ExitCode, string Output)> RunWithEnvironmentAsync(string[] environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RuntimeMonitorDemo.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("INVENTORY_METADATA_URL");
        foreach (var variable in environment)
        {
            var equals = variable.IndexOf('=');
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout + await stderr);
    }
}
