namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>One field of the emulated schema. ValidValues is mutable because Asset types can be extended at runtime.</summary>
internal sealed record FieldDef(
    string Name,
    string DisplayName,
    string DataType,
    IReadOnlyList<string>? ValidTypes = null,
    List<string>? ValidValues = null,
    IReadOnlyDictionary<string, string>? DisplayValues = null,
    object? DefaultValue = null,
    bool ReadOnly = false)
{
    public bool IsLink => DataType is "entity" or "multi_entity";
}
