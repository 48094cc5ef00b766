namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A folder as stored; <see cref="Attrib"/> holds own values only, <see cref="Path"/> has no leading slash.</summary>
public sealed record EmuFolder(
    string Id, string Name, string? Label, string FolderType, string? ParentId, string Status, bool Active,
    IReadOnlyDictionary<string, object?> Attrib, string Path);
