using System.CommandLine;
using ImdsCheck.Aws;
using ImdsCheck.Commands;

namespace ImdsCheck.Cli;

/// <summary>The imds-check command line: parses, runs one command and returns its exit code.</summary>
public static class ImdsCheckCli
{
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken) =>
        RunAsync(args, console, Environment.GetEnvironmentVariable, () => DateTime.UtcNow, cancellationToken);

    internal static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?> environment, Func<DateTime> utcNow, CancellationToken cancellationToken)
    {
        var context = new RunContext(console, environment, utcNow);
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Fail(error.Message);
            }

            console.Error.WriteLine("Run 'imds-check --help' for usage.");
            return ExitCodes.Incomplete;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(RunContext context)
    {
        var shared = new SharedOptions();
        var root = new RootCommand(
            "imds-check: finds EC2 instances that still make token-less (IMDSv1) metadata calls, requires tokens where that is safe, and alarms on rejected calls.\n" +
            "Exit codes: 0 nothing needs attention; 1 some instance is in-use or broken; 2 the check could not complete.");
        root.Subcommands.Add(ScanCommand.Create(shared, context));
        root.Subcommands.Add(EnforceCommand.Create(shared, context));
        root.Subcommands.Add(AlarmCommand.Create(shared, context));
        root.Subcommands.Add(DefaultsCommand.Create(shared, context));
        return root;
    }

    /// <summary>Runs a command body and turns failures into a one-line error and exit code 2.</summary>
    internal static async Task<int> GuardAsync(RunContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ImdsCheckFailure failure)
        {
            context.Fail(failure.Message);
            return ExitCodes.Incomplete;
        }
        catch (OperationCanceledException)
        {
            context.Fail("cancelled.");
            return ExitCodes.Incomplete;
        }
        catch (Exception ex)
        {
            context.Fail($"unexpected {ex.GetType().Name}: {AwsErrorMessages.FirstSentence(ex.Message)}");
            return ExitCodes.Incomplete;
        }
    }
}
