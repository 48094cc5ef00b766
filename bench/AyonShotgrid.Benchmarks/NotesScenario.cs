using System.Diagnostics;
using System.Globalization;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.FullSync;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// Issue 22's notes figures. The project's hierarchy is synced first with no notes; the notes are then seeded while the
/// project's notes switch is off (so the leecher passes their events without writing), the switch goes on and a second
/// full sync brings them in: its notes step is what is measured (the hierarchy part before it only reads and compares).
/// Then notes are made at a steady rate with the leecher on (<see cref="NoteStream"/>).
/// </summary>
public static class NotesScenario
{
    /// <summary>The notes step's first request: its first page of the project's Notes.</summary>
    private const string NotesQueryKind = "POST /api/v1/entity/notes/_search";

    public static async Task<(NotesStepResult Step, NoteStreamResult Stream)> RunAsync(Emulators emulators, ClusterHost cluster, BenchOptions options, CancellationToken ct)
    {
        var sg = emulators.ShotGrid.Store;
        var seedClock = Stopwatch.StartNew();
        var users = NotesSeed.AddUsers(emulators);
        var seeded = ShotGridSeeder.SeedProject(sg, NotesSeed.Hierarchy(options.Notes));
        using var api = new GatewayApi(cluster.GatewayUrl);
        var ayonProject = await api.PrepareAsync(seeded.ProjectId, ct);
        await api.SyncAsync(seeded.ProjectId, ct);
        var versions = await NotesSeed.AddVersionsAsync(emulators, seeded, ayonProject, ct);
        var targets = new NotesSeed.Targets(seeded.ShotIds, seeded.TaskIds, versions);

        await api.SetNotesFromShotGridAsync(seeded.ProjectId, false, ct);
        var (notes, replies) = NotesSeed.CreateNotes(sg, seeded.ProjectId, targets, users, options.Notes);
        var newest = sg.NewestEventId;
        await WaitAsync(async () => await api.EventWatermarkAsync(seeded.ProjectId, ct) >= newest, "the leecher to pass the seeded notes' events", ct);
        await api.SetNotesFromShotGridAsync(seeded.ProjectId, true, ct);
        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notes: seeded {notes} notes + {replies} replies on {seeded.ShotIds.Count} shots, {seeded.TaskIds.Count} tasks, {versions.Count} versions in {seedSeconds:F1} s"));

        var step = await MeasureStepAsync(emulators, api, seeded, ayonProject, (notes, replies), targets, seedSeconds, ct);
        var stream = await NoteStream.RunAsync(emulators, seeded.ProjectId, ayonProject, targets, users, options, ct);
        return (step, stream);
    }

    private static async Task<NotesStepResult> MeasureStepAsync(
        Emulators emulators, GatewayApi api, SeededProject seeded, string ayonProject, (int Notes, int Replies) expected, NotesSeed.Targets targets, double seedSeconds, CancellationToken ct)
    {
        // Recorded in arrival order (one sequence across both emulators): the step's requests are those from its first
        // Notes query on, which the job's phase, polled every 50 ms, could only place roughly.
        emulators.ShotGridLog.Reset(record: true);
        emulators.AyonLog.Reset(record: true);
        double stepStart = double.NaN;
        var clock = Stopwatch.StartNew();
        var job = await api.SyncAsync(seeded.ProjectId, ct, phase =>
        {
            if (phase == SyncJobGrain.NotesPhase && double.IsNaN(stepStart))
            {
                stepStart = clock.Elapsed.TotalSeconds;
            }
        });
        var wall = clock.Elapsed.TotalSeconds;
        var (sgRecorded, ayonRecorded) = (emulators.ShotGridLog.Recorded, emulators.AyonLog.Recorded);
        emulators.ShotGridLog.Reset(record: false);
        emulators.AyonLog.Reset(record: false);
        var firstNoteQuery = sgRecorded.Where(r => r.Kind == NotesQueryKind).Select(r => r.Sequence).DefaultIfEmpty(long.MaxValue).Min();
        if (double.IsNaN(stepStart) || firstNoteQuery == long.MaxValue)
        {
            throw new InvalidOperationException($"The sync never reported its notes phase or read no notes: {job}");
        }

        var sgKinds = KindsFrom(sgRecorded.Where(r => r.Kind != FullSyncScenario.LeecherPollKind), firstNoteQuery);
        var ayonKinds = KindsFrom(ayonRecorded, firstNoteQuery);
        var sgRequests = sgKinds.Values.Sum();
        var step = wall - stepStart;
        var result = new NotesStepResult(
            expected.Notes, expected.Replies, targets.Shots.Count, targets.Tasks.Count, targets.Versions.Count, job.GetProperty("state").GetString() ?? "", wall, step,
            expected.Notes / Math.Max(step, 1e-9), sgRequests, (double)expected.Notes / Math.Max(1, sgRequests), ayonKinds.Values.Sum(),
            expected.Notes + expected.Replies, emulators.Ayon.Store.CommentCount(ayonProject), sgKinds, ayonKinds, seedSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"notes step: {result.CommentsInAyon}/{result.CommentsExpected} comments in {step:F2} s ({result.NotesPerSecond:F0} notes/s; whole sync {wall:F2} s, {result.JobState}); {sgRequests} ShotGrid requests (1 per {result.NotesPerShotGridRequest:F0} notes), {result.AyonRequests} AYON"));
        return result;
    }

    private static SortedDictionary<string, int> KindsFrom(IEnumerable<RecordedRequest> recorded, long firstSequence) =>
        new(recorded.Where(r => r.Sequence >= firstSequence).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    private static async Task WaitAsync(Func<Task<bool>> done, string what, CancellationToken ct)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"waited 5 minutes for {what}");
            }

            await ticker.WaitForNextTickAsync(ct);
        }
    }
}
