namespace AyonShotgrid.Benchmarks;

/// <summary>Everything one run measured; written as JSON and rendered as Markdown.</summary>
public sealed record BenchResult(
    string StartedAtUtc, string Machine, string Command, string Storage, string ClusterPlacement, LatencyProfile Latency, string GcMode,
    FullSyncResult FullSync, RequestFloorResult Floor, EventStreamResult EventStream);

public sealed record FullSyncResult(
    int Entities, IReadOnlyDictionary<string, int> EntitiesByType, string JobState, int Created, int AlreadyPresent, int Failed,
    double SeedSeconds, double PrepareSeconds, double WallSeconds, double EntitiesPerSecond,
    int ShotGridRequests, int LeecherShotGridRequests, int AyonRequests, double EntitiesPerShotGridRequest, double EntitiesPerAyonRequest,
    long ClusterPeakRssBytes, long BenchProcessPeakRssBytes,
    IReadOnlyDictionary<string, int> ShotGridRequestKinds, IReadOnlyDictionary<string, int> AyonRequestKinds,
    IReadOnlyList<PhaseMark> Phases, SecondSyncResult SecondSync, CpuSeconds Cpu, string LoadAverage);

/// <summary>
/// Processor time (user + system) the cluster process and the benchmark process (the emulators) spent on a sync: on a
/// machine shared with other work, wall time says little and this says what the sync itself cost.
/// </summary>
public sealed record CpuSeconds(double Cluster, double Emulators);

/// <summary>When the job first reported a phase, in seconds from the sync's start.</summary>
public sealed record PhaseMark(double AtSeconds, string Phase);

/// <summary>The same sync again right after the first: nothing to create, so it is reading and comparing only.</summary>
public sealed record SecondSyncResult(string JobState, int Created, int AlreadyPresent, double WallSeconds, int ShotGridRequests, int AyonRequests, IReadOnlyList<PhaseMark> Phases, CpuSeconds Cpu);

/// <summary>The sync's requests sent again one by one with a bare HttpClient: what the requests alone cost.</summary>
public sealed record RequestFloorResult(int ShotGridRequests, int AyonRequests, double ShotGridSeconds, double AyonSeconds, double FloorSeconds, double SyncToFloorRatio, int FailedReplays);

public sealed record EventStreamResult(
    double TargetRate, double DurationSeconds, double PollIntervalSeconds, int ShotsCreated, long ShotGridEventRows, int VisibleInAyon,
    double InjectSeconds, double AllVisibleAfterSeconds, double AppliedPerSecond, double AppliedShotsPerSecond, double LagP50Ms, double LagP95Ms, double LagP99Ms, double LagMaxMs,
    int ShotGridRequests, int AyonRequests, IReadOnlyDictionary<string, int> AyonRequestKinds, EventMirrorResult? Mirror = null);

/// <summary>
/// The event mirror during the stream (null when it is off): entries in AYON's event log for the stream's project (one per
/// shot: the event that created it), and how long after the last shot became visible the log had one for every shot.
/// </summary>
public sealed record EventMirrorResult(int Entries, int Expected, double CaughtUpAfterLastVisibleSeconds);
