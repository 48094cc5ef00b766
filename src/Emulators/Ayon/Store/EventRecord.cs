using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A stored event row (table <c>public.events</c>).</summary>
internal sealed record EventRecord(
    string Id, string Hash, string Topic, string? Sender, string? SenderType, string? Project, string User,
    string? DependsOn, string Status, int Retries, string Description, JsonObject Summary, JsonObject Payload,
    long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public EmuEvent ToPublic() => new(
        Id, Topic, Hash, Project, Description, (JsonObject)Summary.DeepClone(), (JsonObject)Payload.DeepClone(), Sender, SenderType);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["hash"] = Hash,
        ["topic"] = Topic,
        ["sender"] = Sender,
        ["senderType"] = SenderType,
        ["project"] = Project,
        ["user"] = User,
        ["dependsOn"] = DependsOn,
        ["status"] = Status,
        ["retries"] = Retries,
        ["description"] = Description,
        ["summary"] = Summary.DeepClone(),
        ["payload"] = Payload.DeepClone(),
        ["createdAt"] = IsoTime.Format(CreatedAt),
        ["updatedAt"] = IsoTime.Format(UpdatedAt),
    };
}
