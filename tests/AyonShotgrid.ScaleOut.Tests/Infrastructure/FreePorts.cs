using System.Net;
using System.Net.Sockets;

namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on right now (the child processes bind them by number, so port 0 cannot be used).</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
