using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ImdsCheck.Cli;
using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Process;

/// <summary>
/// Packs imds-check as a .NET tool, installs it with `dotnet tool install` into a temporary tool
/// path and runs the installed command as its own process against the AWS double. Profiles are
/// tested here because the AWS SDK reads the shared-file locations once per process.
/// </summary>
public sealed class ToolProcessTests(ToolProcessTests.InstalledTool installed) : IClassFixture<ToolProcessTests.InstalledTool>
{
    private readonly DirectoryInfo _work = installed.Work;
    private readonly string _tool = installed.Tool;

    /// <summary>Packs and installs the tool once for the class.</summary>
    public sealed class InstalledTool : IAsyncLifetime
    {
        public DirectoryInfo Work { get; private set; } = null!;

        public string Tool { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Work = Directory.CreateTempSubdirectory("imds-check-tool-");
            Tool = await InstallAsync(Work);
        }

        public Task DisposeAsync()
        {
            Work.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }

    private static async Task<string> InstallAsync(DirectoryInfo work)
    {
        var configuration = typeof(ImdsCheckCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var project = Path.Combine(RepositoryRoot.Path, "src", "ImdsCheck", "ImdsCheck.csproj");
        var packages = Path.Combine(work.FullName, "packages");
        var pack = await RunAsync(Dotnet(), ["pack", project, "-c", configuration, "--no-build", "-o", packages, "-nodeReuse:false"], new Dictionary<string, string?>());
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(packages, "ImdsCheck.*.nupkg"));

        var nugetConfig = Path.Combine(work.FullName, "nuget.config");
        await File.WriteAllTextAsync(nugetConfig,
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");
        var tools = Path.Combine(work.FullName, "tools");
        var install = await RunAsync(Dotnet(), ["tool", "install", "ImdsCheck", "--tool-path", tools, "--configfile", nugetConfig], new Dictionary<string, string?>());
        Assert.True(install.ExitCode == 0, install.ToString());
        return Path.Combine(tools, "imds-check");
    }

    [Fact]
    public async Task Installed_tool_scans_with_a_profile_and_exits_1_when_instances_need_attention()
    {
        await using var aws = await TestAws.StartAsync(instancesPerRegion: 400, regions: "eu-west-1");
        var credentials = Path.Combine(_work.FullName, "credentials");
        var config = Path.Combine(_work.FullName, "config");
        await File.WriteAllTextAsync(credentials, "[ops]\naws_access_key_id = AKIAOPSPROFILE000001\naws_secret_access_key = opsProfileSecretValue/EXAMPLEKEY1234\n");
        await File.WriteAllTextAsync(config, "[profile ops]\nregion = eu-west-1\n");

        var result = await RunAsync(_tool, ["scan", "--profile", "ops", "--endpoint-url", aws.Url.ToString(), "--output", "json"], ToolEnvironment(credentials, config));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("opsProfileSecretValue", result.Stdout + result.Stderr);
        Assert.Contains("eu-west-1: 400 instances described", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var region = Assert.Single(json.RootElement.GetProperty("regions").EnumerateArray());
        Assert.Equal("eu-west-1", region.GetProperty("region").GetString());
        Assert.Equal(aws.Fleet.Region("eu-west-1").Instances.Count(i => i.IntendedStatus is not null), region.GetProperty("instances").GetArrayLength());
        Assert.All(aws.Calls.All, c => Assert.Equal(("AKIAOPSPROFILE000001", "eu-west-1"), (c.AccessKeyId, c.Region)));
    }

    [Fact]
    public async Task Installed_tool_reports_a_missing_profile_and_bad_arguments_with_exit_2_and_prints_help_with_exit_0()
    {
        var environment = ToolEnvironment(Path.Combine(_work.FullName, "none"), Path.Combine(_work.FullName, "none-config"));

        var missing = await RunAsync(_tool, ["scan", "--profile", "nosuch", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9/"], environment);
        var bad = await RunAsync(_tool, ["enforce", "--days", "many"], environment);
        var help = await RunAsync(_tool, ["--help"], environment);

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: AWS profile 'nosuch' was not found in the shared credentials or config file (needed to call ec2:DescribeInstances).", missing.Stderr.Trim());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("many", bad.Stderr);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("imds-check", help.Stdout);
    }

    private static Dictionary<string, string?> ToolEnvironment(string credentials, string config)
    {
        var environment = FakeCredentials.Environment();
        environment["AWS_ACCESS_KEY_ID"] = null;
        environment["AWS_SECRET_ACCESS_KEY"] = null;
        environment["AWS_SESSION_TOKEN"] = null;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
        environment["AWS_CONFIG_FILE"] = config;
        environment["DOTNET_ROOT"] = Path.GetDirectoryName(Dotnet());
        return environment;
    }

    private static string Dotnet() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Environment.ProcessPath!;

    private static async Task<CliResult> RunAsync(string fileName, string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
