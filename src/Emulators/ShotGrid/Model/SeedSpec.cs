namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Shape of a seeded project. Episodes == 0 puts sequences directly under the project (SequencesPerEpisode of them).</summary>
public sealed record SeedSpec(
    string ProjectName,
    int Episodes = 0,
    int SequencesPerEpisode = 2,
    int ShotsPerSequence = 5,
    int Assets = 10,
    int TasksPerEntity = 2,
    string? ProjectCode = null);
