using System.Net;
using System.Net.Sockets;

namespace ImdsAnalyzers.Runtime.Tests.Support;

/// <summary>
/// HTTP handlers that can only ever connect to loopback. Requests written for 169.254.169.254 or [fd00:ec2::254]
/// connect to the emulator instead (the request itself still names the real address, which is what the code under
/// test looks at); anything else that is not loopback fails before a packet is sent.
/// </summary>
internal static class LoopbackHttp
{
    public static SocketsHttpHandler Handler(Uri? metadataStandIn = null) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var target = Resolve(context.DnsEndPoint, metadataStandIn);
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(target, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public static HttpClient Client(HttpMessageHandler handler, TimeSpan? timeout = null) =>
        new(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>A loopback port with nothing listening on it: connections are refused.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static IPEndPoint Resolve(DnsEndPoint requested, Uri? metadataStandIn)
    {
        var host = requested.Host.Trim('[', ']');
        if ((host == "169.254.169.254" || host == "fd00:ec2::254") && metadataStandIn is not null)
        {
            return new IPEndPoint(IPAddress.Parse(metadataStandIn.Host.Trim('[', ']')), metadataStandIn.Port);
        }

        if (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))
        {
            return new IPEndPoint(address, requested.Port);
        }

        if (host == "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, requested.Port);
        }

        throw new HttpRequestException($"The tests connect to loopback only; {requested.Host}:{requested.Port} was refused.");
    }
}
