namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A task as stored; <see cref="Attrib"/> holds own values only.</summary>
public sealed record EmuTask(
    string Id, string Name, string? Label, string TaskType, string FolderId, string Status, bool Active,
    IReadOnlyDictionary<string, object?> Attrib);
