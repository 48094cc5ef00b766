using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A stored event row (table <c>public.events</c>).</summary>
internal sealed record EventRecord(
    string Id, string Hash, string Topic, string? Sender, string? SenderType, string? Project, string User,
    string? DependsOn, string Status, int Retries, string Description, JsonObject Summary, JsonObject Payload,
    long Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    // Kept as UTF-8 JSON (see JsonBlob): every folder and task create leaves an event row.
    private readonly byte[] _summary = JsonBlob.From(Summary);
    private readonly byte[] _payload = JsonBlob.From(Payload);

    public JsonObject Summary
    {
        get => JsonBlob.ToObject(_summary);
        init => _summary = JsonBlob.From(value);
    }

    public JsonObject Payload
    {
        get => JsonBlob.ToObject(_payload);
        init => _payload = JsonBlob.From(value);
    }

    public EmuEvent ToPublic() => new(
        Id, Topic, Hash, Project, Description, Summary, Payload, Sender, SenderType);

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
        ["summary"] = Summary,
        ["payload"] = Payload,
        ["createdAt"] = IsoTime.Format(CreatedAt),
        ["updatedAt"] = IsoTime.Format(UpdatedAt),
    };
}
