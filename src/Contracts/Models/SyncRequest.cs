namespace AyonShotgrid.Contracts.Models;

/// <summary>What a caller asks of a sync job: from ShotGrid (the default) or, with <c>ToShotGrid</c>, to it.</summary>
/// <param name="OverrideDifferences">
/// False (the default): create what is missing and leave existing AYON entities untouched.
/// True: also update labels, statuses, task types, mapped attributes and parents of existing entities that differ.
/// </param>
/// <param name="RequestedBy">Free text for the log and the job status (user name, "ayon-addon", "demo").</param>
/// <param name="DryRun">Plan only: the job lists what it would create and change (field by field) and writes nothing.</param>
/// <param name="HierarchyPreset">The project's own hierarchy preset ("flat", "grouped"), set by its project grain; null = the AYON project setting.</param>
/// <param name="NotesFromShotGrid">Also bring the project's ShotGrid Notes and Replies in as AYON comments; set by the project grain from its switch.</param>
/// <param name="ToShotGrid">The other direction, "Sync to ShotGrid": create in ShotGrid what the AYON project has and ShotGrid lacks (never updates or deletes).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-request.v1")]
public sealed record SyncRequest(bool OverrideDifferences = false, string? RequestedBy = null, bool DryRun = false, string? HierarchyPreset = null, bool NotesFromShotGrid = false, bool ToShotGrid = false);
