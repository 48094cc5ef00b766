using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.FullSync;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// Job rows as the production storage serializer (plain System.Text.Json, docs/persistence.md) writes and reads them.
/// A row stored before the job's status became one record (its members flat on the state) reads as the same status.
/// </summary>
public sealed class SyncJobStoredRowTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly IGrainStorageSerializer _serializer =
        ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(new ServiceCollection().AddOptions().BuildServiceProvider());

    [Fact]
    public void AJobRowStoredWithTheStatusMembersFlatReadsBackAsTheSameStatus()
    {
        var id = Guid.NewGuid();
        var row = new FlatJobRow
        {
            SgProjectId = 4711, AyonProjectName = "flat_row", OverrideDifferences = true, RequestedBy = "someone", State = SyncJobState.Failed,
            Phase = "failed", ProgressPercent = 100, Counts = new SyncCounts(5, 3, 1, 0, 0, 1),
            Issues = [new SyncIssue("error", "Shot", 12, "sh010", "refused by AYON")], Error = "1 of 5 entities could not be written",
            CreatedAt = Created, StartedAt = Created.AddSeconds(1), FinishedAt = Created.AddMinutes(2), Attempt = 2, Exists = true, DryRun = true,
            Changes = [new SyncChange("Shot", 13, "a1", "sh020", "label", "old", "new")], ChangesOmitted = 4, HierarchyPreset = "grouped",
            WaitingFor = null, WaitingSince = Created.AddMinutes(1),
        };

        var state = _serializer.Deserialize<SyncJobGrainState>(_serializer.Serialize(row))!;
        state.MoveFlatRowIntoStatus(GrainKeys.Job(id));

        var status = state.Status;
        Assert.NotNull(status);
        Assert.Equal(GrainKeys.Job(id), status.JobId);
        Assert.Equal((4711L, "flat_row", true, SyncJobState.Failed, "failed", 100), (status.SgProjectId, status.AyonProjectName, status.OverrideDifferences, status.State, status.Phase, status.ProgressPercent));
        Assert.Equal(row.Counts, status.Counts);
        Assert.Equal(row.Issues, status.Issues);
        Assert.Equal(row.Changes, status.Changes);
        Assert.Equal((row.Error, row.CreatedAt, row.StartedAt, row.FinishedAt, 2, true, 4), (status.Error, status.CreatedAt, status.StartedAt, status.FinishedAt, status.Attempt, status.DryRun, status.ChangesOmitted));
        Assert.Equal((null, row.WaitingSince), (status.WaitingFor, status.WaitingSince));
        Assert.Equal(("someone", "grouped"), (state.RequestedBy, state.HierarchyPreset));
        Assert.Null(state.FlatRow);
    }

    [Fact]
    public void AJobRowOfTodayKeepsTheStatusAsOneMemberAndNoFlatCopy()
    {
        var status = new SyncJobStatus(GrainKeys.Job(Guid.NewGuid()), 7, "today", SyncJobState.Running, false, "reading", 40, new SyncCounts(2, 1, 0, 0, 0, 0), [], null, Created, Created, null, 1, [], false, 0, "AYON", Created);
        var state = new SyncJobGrainState { Status = status, RequestedBy = "me" };

        var stored = _serializer.Serialize(state);
        var read = _serializer.Deserialize<SyncJobGrainState>(stored)!;
        read.MoveFlatRowIntoStatus(status.JobId);

        using var json = System.Text.Json.JsonDocument.Parse(stored.ToString());
        var members = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("Status", members);
        Assert.DoesNotContain("Phase", members);
        Assert.Equal("reading", json.RootElement.GetProperty("Status").GetProperty("Phase").GetString());
        Assert.Equal(status with { Issues = read.Status!.Issues, Changes = read.Status.Changes }, read.Status);
        Assert.Empty(read.Status.Issues);
        Assert.Null(read.FlatRow);
    }

    /// <summary>The job state as the code before the status record stored it.</summary>
    private sealed class FlatJobRow
    {
        public long SgProjectId { get; set; }

        public string? AyonProjectName { get; set; }

        public bool OverrideDifferences { get; set; }

        public string? RequestedBy { get; set; }

        public SyncJobState State { get; set; }

        public string Phase { get; set; } = "queued";

        public int ProgressPercent { get; set; }

        public SyncCounts Counts { get; set; } = SyncCounts.Zero;

        public List<SyncIssue> Issues { get; set; } = [];

        public string? Error { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public int Attempt { get; set; }

        public bool Exists { get; set; }

        public bool DryRun { get; set; }

        public List<SyncChange> Changes { get; set; } = [];

        public int ChangesOmitted { get; set; }

        public string? HierarchyPreset { get; set; }

        public string? WaitingFor { get; set; }

        public DateTimeOffset? WaitingSince { get; set; }
    }
}
