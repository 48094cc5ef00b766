namespace AyonShotgrid.Emulators.ShotGrid;

public sealed record SeededProject(
    long ProjectId,
    IReadOnlyList<long> EpisodeIds,
    IReadOnlyList<long> SequenceIds,
    IReadOnlyList<long> ShotIds,
    IReadOnlyList<long> AssetIds,
    IReadOnlyList<long> TaskIds,
    IReadOnlyDictionary<string, long> StepIds);
