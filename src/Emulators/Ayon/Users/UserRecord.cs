using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A stored AYON user. The emulator never keeps a password, only whether one was set.</summary>
internal sealed record UserRecord(string Name, JsonObject Attrib, JsonObject Data, bool Active, bool HasPassword, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool IsService => Data["isService"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>The REST shape of <c>GET /api/users/{name}</c> as a manager sees it (nulls left out).</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["attrib"] = Attrib.DeepClone(),
        ["data"] = Data.DeepClone(),
        ["active"] = Active,
        ["ownAttrib"] = new JsonArray([.. Attrib.Select(a => JsonValue.Create(a.Key)).Order()]),
        ["createdAt"] = IsoTime.Format(CreatedAt),
        ["updatedAt"] = IsoTime.Format(UpdatedAt),
    };
}
