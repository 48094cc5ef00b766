namespace AyonShotgrid.Emulators.ShotGrid;

internal sealed class EntityRow(EntityDef def, long id) : IRecordView
{
    public EntityDef Def { get; } = def;

    public string Type => Def.Type;

    public long Id { get; } = id;

    public FieldSlots Fields { get; } = new(def.Slots);

    public bool Retired { get; set; }

    /// <summary>Every ShotGrid row has one; event meta names linked entities with it.</summary>
    public Guid Uuid { get; } = Guid.NewGuid();

    public string? Status => Fields.GetValueOrDefault("sg_status_list") as string;

    public object? Get(string field) => field == "id" ? Id : Fields.GetValueOrDefault(field);

    public string? DisplayName => Type switch
    {
        "ApiUser" => $"{Fields.GetValueOrDefault("firstname")} {Fields.GetValueOrDefault("lastname")}".Trim(),
        _ => Fields.GetValueOrDefault(Def.IdentityField) as string,
    };

    public long? ProjectId => Type == "Project" ? Id : (Fields.GetValueOrDefault("project") as EntityLink)?.Id;
}
