using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Echo suppression on the AYON side: every write this cluster makes carries <c>x-sender: ayonsg.&lt;host&gt;</c>, which AYON
/// copies into each event the write causes. Such events are never pushed back to ShotGrid. (GraphQL events have no
/// <c>senderType</c>, so the sender name, not the type, carries the mark.) The other direction needs nothing new: the
/// leecher ignores ShotGrid events written by the cluster's own script user, which is who the push writes as.
/// </summary>
public static class PushEcho
{
    public static bool IsOwn(AyonEvent e) => e.Sender is { } sender && sender.StartsWith(AyonClient.SenderPrefix, StringComparison.Ordinal);
}
