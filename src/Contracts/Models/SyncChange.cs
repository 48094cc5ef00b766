namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// One field of one AYON entity that a sync changed (or, in a dry run, would change), so a TD can audit an
/// "override differences" run entity by entity. Values are shown as text (attributes as their JSON text).
/// </summary>
/// <param name="EntityType">ShotGrid entity type, e.g. "Shot" ("AssetCategory" for derived category folders).</param>
/// <param name="EntityId">ShotGrid id (0 for asset categories).</param>
/// <param name="AyonId">The AYON folder or task id (for a planned create: the id it would get).</param>
/// <param name="AyonName">The AYON name, which the sync never changes.</param>
/// <param name="Field">See <see cref="SyncChangeFields"/>; attributes are "attrib.&lt;name&gt;".</param>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-change.v1")]
public sealed record SyncChange(string EntityType, long EntityId, string AyonId, string AyonName, string Field, string? OldValue, string? NewValue);

/// <summary>Field names used in <see cref="SyncChange.Field"/>.</summary>
public static class SyncChangeFields
{
    public const string Label = "label";
    public const string Status = "status";
    public const string TaskType = "taskType";

    /// <summary>The parent moved (values are the AYON parent ids; null = project root).</summary>
    public const string Parent = "parent";

    /// <summary>Only listed by a dry run: the entity does not exist in AYON and would be created (new value = its name).</summary>
    public const string Create = "create";

    public const string AttribPrefix = "attrib.";

    /// <summary>Task assignees (values are the AYON user names, comma-separated).</summary>
    public const string Assignees = "assignees";

    /// <summary>Folder/task tags (values are the tag names, comma-separated).</summary>
    public const string Tags = "tags";
}
