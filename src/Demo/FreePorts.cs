using System.Net;
using System.Net.Sockets;

namespace AyonShotgrid.Demo;

/// <summary>Picks loopback ports: the preferred one when it is free, else any free one.</summary>
public static class FreePorts
{
    public static int Preferred(int port) => IsFree(port) ? port : Any();

    public static int Any()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
