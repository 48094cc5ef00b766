using System.ComponentModel.DataAnnotations;

namespace AyonShotgrid.Grains.Options;

/// <summary>How the sync behaves (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Operations per AYON /operations call.</summary>
    [Range(1, 2000)]
    public int BatchSize { get; set; } = 250;

    /// <summary>
    /// A full sync's <c>/operations</c> requests in flight at once. A batch waits for the batches that create its
    /// creates' parents, so each level of the tree goes out side by side and AYON's work overlaps with the transfer
    /// and with the next batch's serialisation. Against a distant AYON (a round trip plus its per-operation cost per
    /// batch) throughput grows with it; real AYON 1.15.18 accepts 8 batches at once on one project (docs/benchmarks.md).
    /// </summary>
    [Range(1, 16)]
    public int WriteConcurrency { get; set; } = 8;

    /// <summary>
    /// ShotGrid requests of full syncs in flight at once, per silo. A full sync reads each large entity type as several
    /// id ranges side by side (against a site hundreds of milliseconds away, one chain of pages per type took most of
    /// the sync); this bounds them so the site's API limits are respected (a 429 is still retried with backoff). 16: at
    /// 300 ms a request + 0.2 ms a record, a 100,000-entity project is ≈ 88 s of ShotGrid answers, so 8 at once could not
    /// bring even a sync with nothing to do under 10 s (docs/benchmarks.md).
    /// </summary>
    [Range(1, 64)]
    public int ShotGridConcurrency { get; set; } = 16;

    /// <summary>Page size of ShotGrid reads (ShotGrid accepts 1..5000).</summary>
    [Range(1, 5000)]
    public int PageSize { get; set; } = 500;

    /// <summary>AYON task type of ShotGrid tasks without a Pipeline Step.</summary>
    [Required]
    public string DefaultTaskType { get; set; } = "Generic";

    /// <summary>
    /// What happens when two ShotGrid siblings slug to the same AYON name (AYON names are unique per parent, case-insensitively):
    /// "suffix" (default) gives the later ones (by ShotGrid id) a suffix "_sg{id}"; "skip" creates only the first and lists the rest.
    /// </summary>
    [RegularExpression("^(suffix|skip)$", ErrorMessage = "Sync:DuplicateNamePolicy must be 'suffix' or 'skip'.")]
    public string DuplicateNamePolicy { get; set; } = "suffix";

    /// <summary>
    /// Where top-level ShotGrid entities land in AYON: "flat" (default: under the project root, as ShotGrid navigates them)
    /// or "grouped" (episodes, shots and assets grouping folders; see <see cref="Mapping.HierarchyPreset"/>). Per project in the
    /// AYON addon's project settings. Changing it moves existing folders only in a sync with "override differences".
    /// </summary>
    [RegularExpression("^(flat|grouped)$", ErrorMessage = "Sync:HierarchyPreset must be 'flat' or 'grouped'.")]
    public string HierarchyPreset { get; set; } = Mapping.HierarchyPreset.FlatName;

    /// <summary>Name of the grouping folder of sequences, scenes and shots (preset "grouped").</summary>
    [Required]
    public string HierarchyShotsFolder { get; set; } = Mapping.HierarchyPreset.Shots;

    /// <summary>Name of the grouping folder of asset categories and assets (preset "grouped").</summary>
    [Required]
    public string HierarchyAssetsFolder { get; set; } = Mapping.HierarchyPreset.Assets;

    /// <summary>Name of the grouping folder of episodes (preset "grouped").</summary>
    [Required]
    public string HierarchyEpisodesFolder { get; set; } = Mapping.HierarchyPreset.Episodes;

    /// <summary>AYON folder type of the grouping folders (preset "grouped").</summary>
    [Required]
    public string HierarchyGroupFolderType { get; set; } = Mapping.SyncEntityTypes.Folder;

    /// <summary>Attempts of a whole sync job after a crash or a transient failure.</summary>
    [Range(1, 10)]
    public int MaxJobAttempts { get; set; } = 3;

    /// <summary>
    /// How long a sync job waits for an unreachable server (no answer, timeouts, 429/5xx after every retry, open circuit)
    /// before it fails: the job gives up only when none of its requests to that server got an answer for this long (any
    /// answer resets the clock, so a flapping server that lets the job progress never fails it). Meanwhile the job says
    /// "waiting for AYON" (or ShotGrid) and tries again with backoff; a refusal (401, 403, other 4xx) fails the job at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Sync:MaxOutage must be between 1 s and 7 days.")]
    public TimeSpan MaxOutage { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest wait between a waiting job's attempts (the backoff starts at 1 s, or this when shorter, and doubles).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00", ErrorMessage = "Sync:OutageRetryInterval must be between 0.1 s and 10 min.")]
    public TimeSpan OutageRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Leecher poll interval (no wait after a full page).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a missing event id is waited for before it is given up.</summary>
    public TimeSpan SettleWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events read per leecher query.</summary>
    [Range(1, 5000)]
    public int EventPageSize { get; set; } = 500;

    /// <summary>
    /// Pages of events one leecher round reads (side by side, after the first) and hands to the projects at once when
    /// a burst is waiting: one project call then applies up to this many pages, so its creates go in larger batches.
    /// </summary>
    [Range(1, 20)]
    public int EventPagesPerRound { get; set; } = 4;

    /// <summary>
    /// Entity grains of one project applying events at once. Their creates share AYON requests, so more in flight means
    /// fewer, larger requests and shorter lag (16 gave batches of 1–2 creates and a quarter of the throughput of 128).
    /// Each also reads and writes grain storage: with PostgreSQL the storage calls queue on the process's Npgsql pool,
    /// so size <c>Maximum Pool Size</c> × processes below the server's <c>max_connections</c> (docs/operations.md).
    /// </summary>
    [Range(1, 1000)]
    public int MaxParallelEntities { get; set; } = 128;

    /// <summary>Entity types whose events are followed.</summary>
    public List<string> TrackedEntityTypes { get; set; } = ["Project", "Episode", "Sequence", "Scene", "Shot", "Asset", "Task", "Step", "Playlist", "Note", "Reply"];

    /// <summary>
    /// ShotGrid Notes and Replies become AYON comments (leecher and full sync). Per project with the gateway setting
    /// <c>notesFromShotGrid</c>; the default for projects that do not say.
    /// </summary>
    public bool NotesFromShotGrid { get; set; } = true;

    /// <summary>
    /// AYON comments become ShotGrid Notes and Replies, for projects whose push (AYON → ShotGrid) is on. Per project with
    /// the gateway setting <c>notesToShotGrid</c>; the default for projects that do not say. Without the push nothing
    /// goes to ShotGrid, whatever this says.
    /// </summary>
    public bool NotesToShotGrid { get; set; } = true;

    /// <summary>
    /// Mirror applied events into the AYON event log (topic shotgrid.event, hash-deduplicated): the audit trail a pipeline
    /// TD reads and what AYON services enrol on. Written out of the apply path by the project's event mirror grain (a
    /// persisted queue posted in the background, retried with backoff), so an AYON that is slow or refuses events never
    /// holds up the stream.
    /// </summary>
    public bool MirrorEventsToAyon { get; set; } = true;

    /// <summary>
    /// Events one project's mirror keeps waiting while AYON does not take them; beyond it the oldest are dropped (counted
    /// and shown in the project status). The queue is the mirror grain's stored state, so it bounds what each write stores.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MirrorQueueLimit { get; set; } = 50_000;

    /// <summary>
    /// Event posts one project's mirror has in flight at once. AYON has no batch endpoint for events: at 2,000 events/s
    /// and ~5 ms per post on loopback, 16 keep up; over a 50 ms link the queue grows during a burst and catches up after.
    /// </summary>
    [Range(1, 256)]
    public int MirrorConcurrency { get; set; } = 16;

    /// <summary>Period of the reminder that brings the leecher back after deactivation or silo loss (Orleans' reminders are meant for ≥ 1 minute).</summary>
    public TimeSpan LeecherKeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Period of the reminder that resumes a sync job whose silo was lost.</summary>
    public TimeSpan JobResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Start the leecher when the cluster starts.</summary>
    public bool LeecherEnabled { get; set; } = true;

    /// <summary>Only follow projects whose ShotGrid checkbox sg_ayon_auto_sync is set (when the site has the field).</summary>
    public bool RequireAutoSyncField { get; set; }

    /// <summary>
    /// ShotGrid field → AYON attribute, per ShotGrid entity type (Episode, Sequence, Scene, Shot, Asset, Task), e.g.
    /// <c>Sync:AttributeMap:Shot:sg_cut_in = frameStart</c>. Added to <see cref="AttributeMapDefaults"/> (an entry set to
    /// an empty value drops a default). Entries given here must exist in both schemas; defaults apply only where they do.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> AttributeMap { get; set; } = [];

    /// <summary>Start from <see cref="AttributeMapDefaults"/> (cut in/out, head in/tail out, frame rate, resolution, description).</summary>
    public bool UseDefaultAttributeMap { get; set; } = true;

    /// <summary>Default of the per-project setting: the leecher applies ShotGrid changes to existing AYON entities (off: it only records them).</summary>
    public bool ApplyChanges { get; set; }

    /// <summary>When not empty, only these ShotGrid project ids are followed.</summary>
    public List<long> ProjectIds { get; set; } = [];
}
