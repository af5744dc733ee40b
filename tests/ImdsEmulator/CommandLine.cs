using System.Globalization;
using System.Net;

namespace ImdsEmulator;

/// <summary>The console program's arguments.</summary>
internal sealed record CommandLine(IReadOnlyList<IPEndPoint> Listen, TokenMode Tokens, TimeSpan Latency, TimeSpan? MaxTokenTtl, bool WatchStdin, bool Help)
{
    public const string Usage = """
        usage: ImdsEmulator [--listen ADDRESS:PORT]... [--tokens required|optional]
                            [--latency-ms N] [--max-token-ttl SECONDS] [--no-stdin]

          --listen          address and port to serve on, e.g. 169.254.169.254:80 or [fd00:ec2::254]:80;
                            repeatable; port 0 picks a free port (default 127.0.0.1:0)
          --tokens          required: token-less requests get 401 (default); optional: they are served
          --latency-ms      delay every response by N milliseconds
          --max-token-ttl   issue tokens that expire after at most SECONDS, whatever TTL was asked for
          --no-stdin        do not stop at end of standard input; stop on SIGTERM or SIGINT only

        Prints 'listening URL [URL...]' once ready. Stops at end of standard input or on SIGTERM/SIGINT,
        then prints the counters as one JSON line and exits 0. Bad arguments exit 2.
        """;

    /// <summary>Parses the arguments, or gives the reason they are wrong.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var listen = new List<IPEndPoint>();
        var tokens = TokenMode.Required;
        var latency = TimeSpan.Zero;
        TimeSpan? maxTtl = null;
        var watchStdin = true;
        var help = false;

        for (var i = 0; i < args.Count && error is null; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--no-stdin":
                    watchStdin = false;
                    break;
                case "--listen":
                    if (Value(args, ref i, arg, out var endpointText, ref error))
                    {
                        if (TryParseEndpoint(endpointText, out var endpoint))
                        {
                            listen.Add(endpoint);
                        }
                        else
                        {
                            error = $"--listen '{endpointText}' is not ADDRESS:PORT with an IP address (IPv6 in brackets) and a port 0..65535.";
                        }
                    }

                    break;
                case "--tokens":
                    if (Value(args, ref i, arg, out var mode, ref error))
                    {
                        switch (mode)
                        {
                            case "required": tokens = TokenMode.Required; break;
                            case "optional": tokens = TokenMode.Optional; break;
                            default: error = $"--tokens '{mode}' must be 'required' or 'optional'."; break;
                        }
                    }

                    break;
                case "--latency-ms":
                    if (Value(args, ref i, arg, out var ms, ref error))
                    {
                        if (int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
                        {
                            latency = TimeSpan.FromMilliseconds(milliseconds);
                        }
                        else
                        {
                            error = $"--latency-ms '{ms}' must be a whole number of milliseconds.";
                        }
                    }

                    break;
                case "--max-token-ttl":
                    if (Value(args, ref i, arg, out var seconds, ref error))
                    {
                        if (int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0)
                        {
                            maxTtl = TimeSpan.FromSeconds(s);
                        }
                        else
                        {
                            error = $"--max-token-ttl '{seconds}' must be a positive whole number of seconds.";
                        }
                    }

                    break;
                default:
                    error = $"unknown argument '{arg}'.";
                    break;
            }
        }

        if (listen.Count == 0)
        {
            listen.Add(new IPEndPoint(IPAddress.Loopback, 0));
        }

        return new CommandLine(listen, tokens, latency, maxTtl, watchStdin, help);
    }

    private static bool Value(IReadOnlyList<string> args, ref int i, string name, out string value, ref string? error)
    {
        if (i + 1 < args.Count)
        {
            value = args[++i];
            return true;
        }

        value = string.Empty;
        error = $"{name} needs a value.";
        return false;
    }

    private static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        // IPEndPoint.TryParse accepts a bare address (port 0); this program wants the port spelled out.
        var colon = text.LastIndexOf(':');
        var hasPort = colon > 0 && (text[0] != '[' || text[colon - 1] == ']');
        if (hasPort && IPEndPoint.TryParse(text, out var parsed))
        {
            endpoint = parsed;
            return true;
        }

        endpoint = null!;
        return false;
    }
}
