using ImdsCheck.Cli;

namespace ImdsCheck;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await ImdsCheckCli.RunAsync(args, CliConsole.FromProcess(), cancellation.Token).ConfigureAwait(false);
    }
}
