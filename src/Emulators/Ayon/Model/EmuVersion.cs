namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A version as stored, with its product and the files of its representations (for tests).</summary>
public sealed record EmuVersion(
    string Id, int Version, string Name, string ProductId, string ProductName, string FolderId, string? TaskId, string Author,
    string Status, IReadOnlyDictionary<string, object?> Attrib, IReadOnlyList<EmuRepresentation> Representations);

/// <summary>A representation and the paths of its files.</summary>
public sealed record EmuRepresentation(string Id, string Name, IReadOnlyList<string> FilePaths);
