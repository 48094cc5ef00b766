namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The folder a version lives in (through its product); null when there is no such version.</summary>
internal static class EntityListVersions
{
    // The emulator's versions table arrives with the push work ("AYON emulator: versions"); until then no version exists.
    public static string? FolderOf(ProjectState project, string versionId) => null;
}
