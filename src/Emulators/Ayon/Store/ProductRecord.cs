namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Stored product row: only what decides whether a folder has published content (AYON refuses to delete those).</summary>
internal sealed record ProductRecord(string Id, string Name, string FolderId, string ProductType);
