using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>An AYON folder, task or version deleted in AYON, and the ShotGrid entity it was linked to when the event says.</summary>
/// <param name="Kind">"folder", "task" or "version".</param>
public sealed record DeletedInAyon(string Kind, string Id, SgEntityRef? Link)
{
    /// <summary>The link in the deleted row AYON puts in the event's <c>payload.entityData</c> (null when the event has no row).</summary>
    public static SgEntityRef? LinkOf(JsonObject payload)
    {
        if (payload["entityData"]?["attrib"] is not JsonObject attrib)
        {
            return null;
        }

        var values = attrib.ToDictionary(p => p.Key, p => p.Value is JsonValue v ? v.ToString() : null, StringComparer.Ordinal);
        return PushEntities.LinkOf(values);
    }
}
