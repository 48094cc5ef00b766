using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// The <c>entity.{type}.{change}_changed</c> events of one update of a product, version or representation, in the
/// order and wording measured on AYON 1.15.18. <paramref name="path"/> is empty for products and representations:
/// the real server leaves their <c>entityPath</c> empty (and prints two spaces in the description).
/// </summary>
internal sealed class ChangeEvents(WriteContext ctx, string entityType, string entityId, string? parentId, string path)
{
    public void Emit(string change, string description, JsonNode? from, JsonNode? to) =>
        ctx.Events.Add(new PendingEvent(
            $"entity.{entityType}.{change}", description, EntityFieldRules.Summary(entityId, parentId, path),
            EntityFieldRules.Change(from, to)));

    public void Data(JsonObject old, JsonObject updated)
    {
        if (!JsonNode.DeepEquals(old, updated))
        {
            Emit("data_changed", $"Changed {entityType} {path} data", old, updated);
        }
    }

    public void Active(bool old, bool updated)
    {
        if (old != updated)
        {
            Emit("active_changed", $"{Capitalised} {path} {(updated ? "activated" : "deactivated")}", old, updated);
        }
    }

    public void Value(string change, string field, string? old, string? updated)
    {
        if (old != updated)
        {
            Emit(change, $"Changed {entityType} {path} {field} to {updated}", old, updated);
        }
    }

    public void Tags(IReadOnlyList<string> old, IReadOnlyList<string> updated)
    {
        if (!old.SequenceEqual(updated))
        {
            Emit("tags_changed", $"Changed {entityType} {path} tags", EntityFieldRules.ToArray(old), EntityFieldRules.ToArray(updated));
        }
    }

    /// <summary>Only the keys that changed, in old and new value (measured).</summary>
    public void Attrib(JsonObject old, JsonObject updated)
    {
        var keys = old.Select(p => p.Key).Union(updated.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(old[k], updated[k])).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        JsonObject Pick(JsonObject source) => new(keys.Where(source.ContainsKey).Select(k => KeyValuePair.Create(k, source[k]?.DeepClone())));
        Emit("attrib_changed", $"Changed {entityType} {path} attributes: {string.Join(", ", keys)}", Pick(old), Pick(updated));
    }

    private string Capitalised => char.ToUpperInvariant(entityType[0]) + entityType[1..];
}
