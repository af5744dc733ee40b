using System.Diagnostics;
using System.Text;

namespace ImdsEmulator;

/// <summary>
/// The emulator as a separate program, for tests that need it outside their own process, for example on
/// 169.254.169.254 inside a network namespace: pass <c>["ip", "netns", "exec", NAME]</c> as the launcher.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private bool _stopped;

    private EmulatorProcess(Process process) => _process = process;

    public IReadOnlyList<Uri> BaseAddresses { get; private set; } = [];

    public Uri BaseAddress => BaseAddresses[0];

    public int ProcessId => _process.Id;

    /// <summary>What the program wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the program with the given arguments and waits for its <c>listening</c> line.</summary>
    public static async Task<EmulatorProcess> StartAsync(IReadOnlyList<string> arguments, IReadOnlyList<string>? launcher = null, TimeSpan? startTimeout = null)
    {
        var start = CreateStartInfo(arguments, launcher);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var emulator = new EmulatorProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (emulator._stderr)
                {
                    emulator._stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(startTimeout ?? DefaultTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            await emulator.KillAsync();
            throw new InvalidOperationException(
                $"The emulator did not report that it was listening (first line: {line ?? "<none>"}). Its errors: {emulator.StandardError}");
        }

        emulator.BaseAddresses = line["listening ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(url => new Uri(url + "/"))
            .ToArray();
        return emulator;
    }

    /// <summary>Closes the program's standard input, reads the counters it prints, and waits for it to exit.</summary>
    public async Task<EmulatorCounterSnapshot> StopAsync(TimeSpan? timeout = null)
    {
        _stopped = true;
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var line = await _process.StandardOutput.ReadLineAsync(cts.Token);
        await _process.WaitForExitAsync(cts.Token);
        if (_process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The emulator exited with {_process.ExitCode} and printed '{line}'. Its errors: {StandardError}");
        }

        return EmulatorCounterSnapshot.FromJson(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task KillAsync()
    {
        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo CreateStartInfo(IReadOnlyList<string> arguments, IReadOnlyList<string>? launcher)
    {
        var program = typeof(EmulatorProcess).Assembly.Location;
        var command = new List<string>(launcher ?? []) { DotnetHost(), program };
        command.AddRange(arguments);

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string DotnetHost()
    {
        // The SDK tells child processes where its host is; a test host is not itself 'dotnet'.
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
