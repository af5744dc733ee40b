namespace ImdsAnalyzers.Tests.Infrastructure;

/// <summary>
/// A Linux network namespace with 169.254.169.254/32 and fd00:ec2::254/128 on its loopback, so a
/// metadata-service emulator can serve the real addresses without touching the host's network.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    public static readonly Lazy<string?> UnavailableReason = new(Probe);

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static async Task<NetworkNamespace> CreateAsync()
    {
        var name = "imds-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        await Ip("netns", "add", name);
        var ns = new NetworkNamespace(name);
        try
        {
            await ns.ExecAsync("ip", "link", "set", "lo", "up");
            await ns.ExecAsync("ip", "addr", "add", "169.254.169.254/32", "dev", "lo");
            await ns.ExecAsync("ip", "-6", "addr", "add", "fd00:ec2::254/128", "dev", "lo");
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }

        return ns;
    }

    public async Task ExecAsync(string program, params string[] arguments) =>
        (await ProcessRunner.RunAsync("ip", ["netns", "exec", Name, program, .. arguments], timeout: TimeSpan.FromSeconds(30)))
            .EnsureSuccess($"ip netns exec {Name} {program} {string.Join(' ', arguments)}");

    /// <summary>Arguments that run <paramref name="program"/> inside this namespace.</summary>
    public IEnumerable<string> Wrap(string program, params string[] arguments) => ["netns", "exec", Name, program, .. arguments];

    public async ValueTask DisposeAsync() => await ProcessRunner.RunAsync("ip", ["netns", "del", Name], timeout: TimeSpan.FromSeconds(30));

    private static Task Ip(params string[] arguments) =>
        ProcessRunner.RunAsync("ip", arguments, timeout: TimeSpan.FromSeconds(30)).ContinueWith(t => t.Result.EnsureSuccess("ip " + string.Join(' ', arguments)));

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Skipped: network namespaces need Linux; the end-to-end emulator test serves 169.254.169.254 inside one.";
        }

        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("SUDO_USER") is null && !IsRootByUid())
        {
            return "Skipped: creating a network namespace needs root (CAP_NET_ADMIN); run the tests as root to serve 169.254.169.254 in one.";
        }

        try
        {
            var name = "imds-probe-" + Environment.ProcessId;
            var add = ProcessRunner.RunAsync("ip", ["netns", "add", name], timeout: TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
            if (add.ExitCode != 0)
            {
                return "Skipped: 'ip netns add' failed here: " + add.StandardError.Trim();
            }

            ProcessRunner.RunAsync("ip", ["netns", "del", name], timeout: TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
            return null;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return "Skipped: the 'ip' command (iproute2) is not available: " + ex.Message;
        }
    }

    private static bool IsRootByUid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    return line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[1] == "0";
                }
            }
        }
        catch (IOException)
        {
        }

        return false;
    }
}
