using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace ImdsEmulator.Tests;

public sealed class ConsoleProgramTests
{
    [Fact]
    public async Task It_prints_listening_then_the_counters_as_one_json_line_at_end_of_input()
    {
        await using var program = await EmulatorProcess.StartAsync(["--listen", "127.0.0.1:0", "--tokens", "optional"]);
        using var http = new HttpClient { BaseAddress = program.BaseAddress };

        Assert.Equal(DefaultMetadata.InstanceId, await http.GetStringAsync("latest/meta-data/instance-id"));
        var snapshot = await program.StopAsync();

        Assert.Equal(1, snapshot.TokenlessAccepted);
        Assert.Equal(1, snapshot.Paths["/latest/meta-data/instance-id"]);
    }

    [Fact]
    public async Task Required_mode_from_the_command_line_refuses_tokenless_requests()
    {
        await using var program = await EmulatorProcess.StartAsync(["--listen", "127.0.0.1:0", "--tokens", "required"]);
        using var http = new HttpClient { BaseAddress = program.BaseAddress };

        using var response = await http.GetAsync("latest/meta-data/instance-id");
        var snapshot = await program.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, snapshot.TokenlessRejected);
    }

    [Fact]
    public async Task Sigterm_prints_the_counters_and_exits_0()
    {
        var start = Start("--listen", "127.0.0.1:0", "--no-stdin");
        using var process = Process.Start(start)!;
        var listening = await process.StandardOutput.ReadLineAsync();
        Assert.StartsWith("listening http://127.0.0.1:", listening);

        Assert.Equal(0, kill(process.Id, Sigterm));
        var line = await process.StandardOutput.ReadLineAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(0, EmulatorCounterSnapshot.FromJson(line!).TokenRequests);
    }

    [Fact]
    public async Task Two_listeners_are_printed_on_the_one_line()
    {
        await using var program = await EmulatorProcess.StartAsync(["--listen", "127.0.0.1:0", "--listen", "127.0.0.2:0", "--tokens", "optional"]);

        Assert.Equal(2, program.BaseAddresses.Count);
        Assert.Equal("127.0.0.2", program.BaseAddresses[1].Host);
        using var http = new HttpClient { BaseAddress = program.BaseAddresses[1] };
        Assert.Equal(DefaultMetadata.Region, await http.GetStringAsync("latest/meta-data/placement/region"));
    }

    [Theory]
    [InlineData("--tokens", "sometimes")]
    [InlineData("--listen", "169.254.169.254")]
    [InlineData("--listen", "metadata.local:80")]
    [InlineData("--listen", "127.0.0.1:70000")]
    [InlineData("--listen")]
    [InlineData("--latency-ms", "soon")]
    [InlineData("--max-token-ttl", "0")]
    [InlineData("--bogus")]
    public async Task Bad_arguments_exit_2_with_a_message_and_print_nothing_on_stdout(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunToEndAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("ImdsEmulator: ", stderr);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, stdout, _) = await RunToEndAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("--listen", stdout);
    }

    [Fact]
    public async Task An_address_it_cannot_bind_exits_1_with_a_message()
    {
        // 192.0.2.1 (TEST-NET-1) is not assigned to this machine, so binding it fails without sending anything.
        var (exitCode, stdout, stderr) = await RunToEndAsync(["--listen", "192.0.2.1:0"]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("cannot listen on 192.0.2.1:0", stderr);
    }

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private static ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(MetadataEmulator).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, await stderr);
    }
}
