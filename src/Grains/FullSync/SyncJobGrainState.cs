using System.Text.Json;
using System.Text.Json.Serialization;
using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Persisted state of a sync job: the status it reports, kept as that one record, so a new status member is declared
/// once (in <see cref="SyncJobStatus"/>) and stored, returned and shown by the gateway without further edits. Stored as
/// plain JSON: add members with defaults, never rename or remove one without a migration (see docs/persistence.md).
/// </summary>
[GenerateSerializer, Alias("ayonsg.sync-job-grain-state.v1")]
public sealed class SyncJobGrainState
{
    /// <summary>What the job reports; null until it is started.</summary>
    [Id(21)] public SyncJobStatus? Status { get; set; }

    [Id(3)] public string? RequestedBy { get; set; }

    /// <summary>The project's own hierarchy preset when the job was started; null = the AYON project setting.</summary>
    [Id(20)] public string? HierarchyPreset { get; set; }

    /// <summary>The job also brings the project's ShotGrid Notes and Replies in as AYON comments.</summary>
    [Id(22)] public bool NotesFromShotGrid { get; set; }

    /// <summary>
    /// Members of a row written before the status was one record (its members were the state's own, side by side):
    /// read by <see cref="MoveFlatRowIntoStatus"/>, never written back.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? FlatRow { get => _flatRow; set => _flatRow = value; }

    // Storage only: Orleans copies of the state (none are sent today) need not carry it.
    [NonSerialized]
    private Dictionary<string, JsonElement>? _flatRow;

    /// <summary>
    /// A row stored before the status was one record holds the status members by the same names, flat: they become
    /// <see cref="Status"/> (the next write stores the new shape). The job id was never stored: it is the grain key.
    /// </summary>
    public void MoveFlatRowIntoStatus(string jobId)
    {
        if (Status is null && FlatRow is { } flat && flat.TryGetValue("Exists", out var exists) && exists.ValueKind == JsonValueKind.True)
        {
            var status = JsonSerializer.SerializeToElement(flat).Deserialize<SyncJobStatus>()!;
            Status = status with { JobId = jobId, Issues = status.Issues ?? [], Changes = status.Changes ?? [] };
        }

        FlatRow = null;
    }
}
