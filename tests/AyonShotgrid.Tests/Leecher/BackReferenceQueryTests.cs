using System.Collections.Concurrent;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.EventLog;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Leecher;

/// <summary>
/// Issue 17: every linked create on a real site also writes a back-reference row on the parent (Sequence.shots,
/// Shot.tasks, …). The leecher's event query leaves them on the server, so they cost no bytes, parsing or time per round,
/// while the rows without an attribute (New, Retirement, Revival) and every other Change still come back.
/// </summary>
public sealed class BackReferenceQueryTests
{
    [Fact]
    public async Task TheEventQueryLeavesBackReferenceRowsOnTheServerAndKeepsRowsWithoutAnAttribute()
    {
        await using var site = await ShotGridEmulator.StartAsync();
        var sg = site.Store;
        var seeded = ShotGridSeeder.SeedProject(sg, new SeedSpec("Back refs query", Episodes: 1, SequencesPerEpisode: 1, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));
        var project = new EntityLink("Project", seeded.ProjectId);
        var before = sg.NewestEventId;
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq_q", ["project"] = project, ["episode"] = new EntityLink("Episode", seeded.EpisodeIds[0]) });
        var shot = sg.Create("Shot", new() { ["code"] = "sh_q", ["project"] = project, ["sg_sequence"] = new EntityLink("Sequence", sequence) });
        var task = sg.Create("Task", new() { ["content"] = "anim", ["project"] = project, ["entity"] = new EntityLink("Shot", shot) });
        sg.Update("Shot", shot, new() { ["code"] = "sh_q_renamed" });
        sg.Retire("Task", task);
        var rows = sg.Events.Where(e => e.Id > before).ToList();
        var backReferences = rows.Where(e => e.Meta.ContainsKey("actual_attribute_changed")).Select(e => e.Id).ToHashSet();
        Assert.Equal(["sequences", "shots", "tasks"], rows.Where(e => backReferences.Contains(e.Id)).Select(e => e.AttributeName).Order());

        var sgOptions = Options.Create(new ShotGridOptions { Url = site.BaseUrl.ToString(), ScriptName = site.ScriptName, ApiKey = site.ScriptKey });
        using var client = new ShotGridClient(sgOptions, NullLogger<ShotGridClient>.Instance);
        var recording = new RecordingClient(client);
        var reader = new EventLogReader(recording, Options.Create(new SyncOptions()));
        var (events, unreadable, _) = await reader.EventsAsync(before, sg.NewestEventId, rows.Count, [seeded.ProjectId], null, CancellationToken.None);

        var answered = recording.Records.Select(r => r.Id).ToHashSet();
        Assert.Empty(answered.Intersect(backReferences));
        Assert.Equal(rows.Where(e => !backReferences.Contains(e.Id)).Select(e => e.Id).Order(), answered.Order());
        Assert.Empty(unreadable);
        Assert.Contains(events, e => e.Kind == "New" && e.EntityType == "Shot" && e.EntityId == shot);
        Assert.Contains(events, e => e.Kind == "Retirement" && e.EntityType == "Task" && e.EntityId == task);
        Assert.Contains(events, e => e.Kind == "Change" && e.AttributeName == "code" && e.EntityId == shot && !e.InCreate);
    }

    /// <summary>The production client, with every record a search answered kept for the test to look at.</summary>
    private sealed class RecordingClient(IShotGridClient inner) : IShotGridClient
    {
        public ConcurrentBag<SgRecord> Records { get; } = [];

        public async Task<IReadOnlyList<SgRecord>> SearchPageAsync(
            string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageNumber, int pageSize,
            CancellationToken cancellationToken, string? sort = null, bool retiredOnly = false)
        {
            var page = await inner.SearchPageAsync(entityType, filter, fields, pageNumber, pageSize, cancellationToken, sort, retiredOnly);
            foreach (var record in page)
            {
                Records.Add(record);
            }

            return page;
        }

        public Task<IReadOnlyList<SgRecord>> SearchAllAsync(
            string entityType, SgFilter filter, IReadOnlyList<string> fields, CancellationToken cancellationToken,
            string? sort = null, int pageSize = 500, bool retiredOnly = false) =>
            inner.SearchAllAsync(entityType, filter, fields, cancellationToken, sort, pageSize, retiredOnly);

        public Task<SgRecord?> FindOneAsync(string entityType, long id, IReadOnlyList<string> fields, CancellationToken cancellationToken, bool retiredOnly = false) =>
            inner.FindOneAsync(entityType, id, fields, cancellationToken, retiredOnly);

        public Task<IReadOnlyDictionary<string, SgField>> GetFieldsAsync(string entityType, CancellationToken cancellationToken) =>
            inner.GetFieldsAsync(entityType, cancellationToken);

        public Task<long?> GetApiUserIdAsync(CancellationToken cancellationToken) => inner.GetApiUserIdAsync(cancellationToken);
    }
}
