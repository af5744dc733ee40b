using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using ImdsAnalyzers.Tests.Infrastructure;

namespace ImdsAnalyzers.Tests.Package;

/// <summary>
/// A fresh project consumes the packed package from a local folder feed, the way a user does:
/// build warnings, SARIF output and `dotnet format` applying the fix.
/// </summary>
public sealed class PackageConsumptionTests : IClassFixture<PackedAnalyzer>
{
    private const string ConsumerProgram = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Program
        {
            private const string MetadataBase = "http://169.254.169.254/latest/meta-data/";

            public static async Task Main()
            {
                using var http = new HttpClient();
                // Reads the instance ID the IMDSv1 way.
                Console.WriteLine(await http.GetStringAsync(MetadataBase + "instance-id"));
            }
        }
        """;

    private readonly PackedAnalyzer _package;

    public PackageConsumptionTests(PackedAnalyzer package) => _package = package;

    [Fact]
    public void Package_holds_both_assemblies_under_analyzers_and_is_a_development_dependency()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();

        Assert.Contains("analyzers/dotnet/cs/ImdsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ImdsAnalyzers.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("ImdsAnalyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    [Fact]
    public async Task Build_prints_the_warning_and_writes_sarif_with_rule_ids_and_help_links()
    {
        using var consumer = CreateConsumer();

        var build = (await ProcessRunner.DotnetAsync(consumer.Path, "build", "-p:ErrorLog=out.sarif%2Cversion=2.1")).EnsureSuccess("dotnet build");

        Assert.Matches(@"Program\.cs\(13,\d+\): warning IMDS001:", build.StandardOutput);

        var sarif = JsonDocument.Parse(File.ReadAllText(consumer.Combine("out.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "IMDS001");

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        var rule = Assert.Single(rules, r => r.GetProperty("id").GetString() == "IMDS001");
        Assert.Equal(Descriptors.HelpLink("IMDS001"), rule.GetProperty("helpUri").GetString());
    }

    [Fact]
    public async Task Dotnet_format_applies_the_fix_and_the_fixed_project_builds_clean()
    {
        using var consumer = CreateConsumer();
        (await ProcessRunner.DotnetAsync(consumer.Path, "restore")).EnsureSuccess("dotnet restore");

        (await ProcessRunner.DotnetAsync(consumer.Path, "format", "analyzers", "--diagnostics", "IMDS001", "--severity", "warn", "--no-restore"))
            .EnsureSuccess("dotnet format analyzers");

        var program = File.ReadAllText(consumer.Combine("Program.cs"));
        Assert.Contains("ImdsSessionToken.GetStringAsync(http, MetadataBase + \"instance-id\")", program, StringComparison.Ordinal);
        Assert.Contains("// Reads the instance ID the IMDSv1 way.", program, StringComparison.Ordinal);
        Assert.Contains("internal static class ImdsSessionToken", program, StringComparison.Ordinal);
        Assert.Equal(["Consumer.csproj"], Directory.GetFiles(consumer.Path, "*.csproj").Select(Path.GetFileName));
        Assert.DoesNotContain("<Compile", File.ReadAllText(consumer.Combine("Consumer.csproj")), StringComparison.Ordinal);

        var rebuild = (await ProcessRunner.DotnetAsync(consumer.Path, "build", "--no-restore")).EnsureSuccess("dotnet build of the fixed project");
        Assert.DoesNotContain("IMDS001", rebuild.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("IMDS002", rebuild.StandardOutput, StringComparison.Ordinal);
    }

    private TempDirectory CreateConsumer()
    {
        var consumer = new TempDirectory("imds-consumer");
        consumer.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_package.FeedDirectory}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{consumer.Combine("packages")}" />
              </config>
            </configuration>
            """);
        consumer.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ImdsAnalyzers" Version="{_package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        consumer.Write("Program.cs", ConsumerProgram);
        return consumer;
    }
}
