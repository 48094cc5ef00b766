namespace AyonShotgrid.Benchmarks;

/// <summary>What the notes scenario measured (issue 22's figures): the full sync's notes step, then notes made live.</summary>
public sealed record NotesBenchResult(
    string StartedAtUtc, string Command, string Storage, string LoadAverage, NotesStepResult Step, NoteStreamResult Stream);

/// <summary>
/// The full sync's notes step: from the job's notes phase to its end. Requests are those after the phase was first seen
/// (the leecher's event-log polls left out); the comments are counted in AYON afterwards.
/// </summary>
public sealed record NotesStepResult(
    int Notes, int Replies, int Shots, int Tasks, int Versions, string JobState, double SyncWallSeconds, double StepSeconds,
    double NotesPerSecond, int ShotGridRequests, double NotesPerShotGridRequest, int AyonRequests, int CommentsExpected, int CommentsInAyon,
    IReadOnlyDictionary<string, int> ShotGridRequestKinds, IReadOnlyDictionary<string, int> AyonRequestKinds, double SeedSeconds);

/// <summary>Notes made in ShotGrid at a steady rate with the leecher on; latency = creation → the comment exists in AYON.</summary>
public sealed record NoteStreamResult(
    double TargetRate, double DurationSeconds, double PollIntervalSeconds, int NotesCreated, int VisibleInAyon,
    double LatencyP50Ms, double LatencyP99Ms, double LatencyMaxMs, int ShotGridRequests, int AyonRequests);
