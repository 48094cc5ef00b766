namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// An AYON version as the push reads it: its product, folder and task, its own attributes (a version does not inherit
/// the folder's) and its representations.
/// </summary>
public sealed record AyonVersion(
    string Id,
    int Number,
    string Name,
    string ProductName,
    string ProductType,
    string FolderId,
    string? TaskId,
    string? Author,
    string? Status,
    IReadOnlyDictionary<string, string?> Attrib,
    IReadOnlyList<AyonRepresentation> Representations);

/// <summary>A representation: its name and the path it was published to (<c>attrib.path</c>, else its first file).</summary>
public sealed record AyonRepresentation(string Id, string Name, string? Path);
