using ImdsCheck.Tests.Infrastructure;

namespace ImdsCheck.Tests.Documentation;

/// <summary>The tool's documentation covers what the tool does: every command, option and exit code it has.</summary>
public sealed class ImdsCheckDocumentationTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "imds-check.md"));

    [Fact]
    public async Task Every_option_of_every_command_is_documented()
    {
        foreach (var command in new[] { "scan", "enforce", "alarm", "defaults" })
        {
            var help = await CliRunner.RunAsync([command, "--help"]);
            Assert.Contains($"### `imds-check {command}`", Text);
            var options = help.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("--", StringComparison.Ordinal) || l.StartsWith("-", StringComparison.Ordinal))
                .SelectMany(l => l.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).TakeWhile(t => t.StartsWith('-')))
                .Where(o => o.StartsWith("--", StringComparison.Ordinal) && o is not "--help" and not "--version")
                .ToList();
            Assert.NotEmpty(options);
            Assert.All(options, option => Assert.Contains($"`{option}", Text));
        }
    }

    [Fact]
    public void Exit_codes_workflow_permissions_and_measured_benchmark_are_documented()
    {
        Assert.Contains("| 0 | nothing needs attention", Text);
        Assert.Contains("| 1 | some instance is `in-use` or `broken`", Text);
        Assert.Contains("| 2 | the check could not complete", Text);
        foreach (var action in new[] { "ec2:DescribeInstances", "ec2:GetInstanceMetadataDefaults", "ec2:ModifyInstanceMetadataOptions", "ec2:ModifyInstanceMetadataDefaults", "ec2:DescribeRegions", "cloudwatch:GetMetricData", "cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms" })
        {
            Assert.Contains(action, Text);
        }

        Assert.Contains("## The MetadataNoToken workflow, end to end", Text);
        Assert.DoesNotContain("BENCHMARK_TABLE", Text);
        Assert.Contains("dotnet run -c Release --project tests/ImdsCheck.Benchmarks", Text);
    }
}
