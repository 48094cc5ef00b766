using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;

namespace AyonShotgrid.Grains.Mirror;

/// <summary>The AYON event that mirrors one ShotGrid event. Its hash depends only on the site and the event id, so a repeat is a 409.</summary>
internal static class MirrorEventRequests
{
    public const string Topic = "shotgrid.event";

    public static AyonEventRequest For(string site, string ayonProjectName, MirroredEvent e) => new(
        Topic,
        Hash(site, e.EventId),
        ayonProjectName,
        $"ShotGrid event {e.EventId}: {e.EventType} {e.EntityType} {e.EntityId}",
        new JsonObject { ["sg_event_id"] = e.EventId, ["sg_site"] = site, ["entityType"] = e.EntityType, ["entityId"] = e.EntityId },
        new JsonObject { ["event_type"] = e.EventType, ["attribute_name"] = e.AttributeName, ["ayon_id"] = e.AyonId });

    public static string Hash(string site, long eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Topic}:{site}:{eventId}")));
}
