using System.Text.Json;
using ImdsCheck.Cli;

namespace ImdsCheck.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonDocument Json() => JsonDocument.Parse(Stdout);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real imds-check command line in-process with captured stdout/stderr and a controlled
/// process environment, and checks that no secret ever reaches the output.
/// </summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = FakeCredentials.Environment();
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in variables)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var console = new CliConsole(stdout, stderr, outputIsTerminal: false, errorIsTerminal: false);
            var exitCode = await ImdsCheckCli.RunAsync(args, console, CancellationToken.None);
            var result = new CliResult(exitCode, stdout.ToString(), stderr.ToString());
            AssertNoSecrets(result.Stdout + result.Stderr, variables);
            return result;
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }

    public static void AssertNoSecrets(string output, IReadOnlyDictionary<string, string?> variables)
    {
        Assert.DoesNotContain(FakeCredentials.SecretAccessKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeCredentials.SessionToken, output, StringComparison.Ordinal);
        foreach (var key in new[] { "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            if (variables.TryGetValue(key, out var secret) && !string.IsNullOrEmpty(secret))
            {
                Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            }
        }
    }
}
