using System.Net;
using System.Net.Sockets;

namespace ImdsEmulator.Tests;

/// <summary>A fact that is reported as skipped, with the reason, where the machine has no IPv6 loopback.</summary>
public sealed class IPv6LoopbackFactAttribute : FactAttribute
{
    public IPv6LoopbackFactAttribute()
    {
        if (!CanBindIPv6Loopback())
        {
            Skip = "This machine cannot bind [::1]; the IPv6 listener is not tested here.";
        }
    }

    private static bool CanBindIPv6Loopback()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
