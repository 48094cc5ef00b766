using System.Net;
using System.Net.Sockets;

namespace AyonShotgrid.Demo;

/// <summary>
/// Picks loopback ports for servers that are told a port number (Orleans silo and gateway ports, child processes).
/// The ports come from below the kernel's ephemeral range (32768 and up on Linux): a port asked from the kernel with
/// port 0 lies inside that range, where any outgoing connection (to PostgreSQL, to an emulator) can take it between
/// being picked and being bound. Below it, only other listeners compete, and each pick is checked.
/// Shared as source with the scale-out tests.
/// </summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly Lock Gate = new();

    // A random start keeps processes picking at the same moment (parallel test assemblies) apart.
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Preferred(int port) => IsFree(port) ? port : Any();

    public static int Any()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = _next;
                _next = _next == Last ? First : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
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
