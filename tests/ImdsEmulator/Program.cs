using System.Runtime.InteropServices;

namespace ImdsEmulator;

internal static class Program
{
    private const int BadArguments = 2;
    private const int CouldNotStart = 1;

    public static async Task<int> Main(string[] args)
    {
        var command = CommandLine.Parse(args, out var error);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync($"ImdsEmulator: {error}\n\n{CommandLine.Usage}");
            return BadArguments;
        }

        if (command.Help)
        {
            await Console.Out.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        var options = new EmulatorOptions
        {
            Address = command.Listen[0].Address,
            Port = command.Listen[0].Port,
            Tokens = command.Tokens,
            Latency = command.Latency,
            MaxTokenTtl = command.MaxTokenTtl,
        };
        foreach (var endpoint in command.Listen.Skip(1))
        {
            options.AdditionalEndpoints.Add(endpoint);
        }

        MetadataEmulator emulator;
        try
        {
            emulator = await MetadataEmulator.StartAsync(options);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"ImdsEmulator: cannot listen on {string.Join(", ", command.Listen)}: {ex.Message}");
            return CouldNotStart;
        }

        await using (emulator)
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
            if (command.WatchStdin)
            {
                _ = Task.Run(() => WaitForEndOfInput(stop));
            }

            await Console.Out.WriteLineAsync("listening " + string.Join(' ', emulator.BaseAddresses.Select(uri => uri.OriginalString.TrimEnd('/'))));
            await stop.Task;
            await Console.Out.WriteLineAsync(emulator.Counters.Snapshot().ToJson());
        }

        return 0;
    }

    private static void Stop(PosixSignalContext context, TaskCompletionSource stop)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }

    private static void WaitForEndOfInput(TaskCompletionSource stop)
    {
        var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (input.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        stop.TrySetResult();
    }
}
