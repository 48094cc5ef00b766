namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The folder a version lives in (through its product); null when there is no such version.</summary>
internal static class EntityListVersions
{
    public static string? FolderOf(ProjectState project, string versionId) =>
        project.GetVersion(versionId) is { } version ? project.GetProduct(version.ProductId)?.FolderId : null;
}
