using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>
/// The address other silos reach this one at, when Orleans:AdvertisedIP is not set: the first up, non-loopback IPv4
/// address (a container's own address under <c>docker compose --scale</c>), else loopback.
/// </summary>
internal static class HostAddress
{
    public static IPAddress Detect() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
