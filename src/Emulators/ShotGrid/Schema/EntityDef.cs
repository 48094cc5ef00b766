namespace AyonShotgrid.Emulators.ShotGrid;

internal sealed class EntityDef(string type, string identityField, bool projectScoped)
{
    public string Type { get; } = type;

    /// <summary>The snake_case plural used in <c>links.self</c> (<c>event_log_entries</c>).</summary>
    public string Slug { get; } = SchemaCatalog.ToSlug(type);

    /// <summary>The display-name field (<c>code</c>, <c>content</c> on Task, <c>name</c> on Project).</summary>
    public string IdentityField { get; } = identityField;

    public bool ProjectScoped { get; } = projectScoped;

    public Dictionary<string, FieldDef> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Where this type's rows keep each field's value (see <see cref="FieldSlots"/>).</summary>
    public FieldIndex Slots { get; } = new();

    public EntityDef Add(FieldDef field)
    {
        Fields[field.Name] = field;
        return this;
    }
}
