using ImdsCheck.Aws;

namespace ImdsCheck.Cli;

/// <summary>Everything a command needs from outside: console, environment, clock, and the secrets to hide.</summary>
internal sealed class RunContext
{
    public RunContext(CliConsole console, Func<string, string?> environment, Func<DateTime> utcNow)
    {
        Console = console;
        Environment = environment;
        UtcNow = utcNow;
    }

    public CliConsole Console { get; }

    public Func<string, string?> Environment { get; }

    public Func<DateTime> UtcNow { get; }

    public SecretRedactor Redactor { get; } = new();

    public void Fail(string message)
    {
        lock (Console.Error)
        {
            Console.Error.WriteLine("error: " + Redactor.Redact(message));
        }
    }
}
