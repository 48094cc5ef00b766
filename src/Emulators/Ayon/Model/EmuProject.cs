namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A project's identity and anatomy names, in position order.</summary>
public sealed record EmuProject(
    string Name, string Code, string? Label, IReadOnlyList<string> FolderTypes, IReadOnlyList<string> TaskTypes,
    IReadOnlyList<string> Statuses, IReadOnlyDictionary<string, object?> Attrib);
