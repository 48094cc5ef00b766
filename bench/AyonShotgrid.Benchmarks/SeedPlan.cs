using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// A project of about the asked size in the proportions of an episodic show: 10 sequences per episode, one asset per
/// four shots, four tasks per shot and asset (pipeline steps round-robin). 100,000 entities ≈ 20 episodes, 200
/// sequences, 16,000 shots, 4,000 assets, 80,000 tasks.
/// </summary>
public static class SeedPlan
{
    private const int SequencesPerEpisode = 10;
    private const int TasksPerEntity = 4;
    private const double EntitiesPerShot = 1.25 * (1 + TasksPerEntity);

    public static SeedSpec For(string name, int entities)
    {
        var shots = Math.Max(4, (int)Math.Round(entities / EntitiesPerShot));
        var episodes = Math.Clamp((int)Math.Round(shots / 800.0), 1, 100);
        var sequencesPerEpisode = Math.Min(SequencesPerEpisode, Math.Max(1, shots / episodes / 4));
        var shotsPerSequence = Math.Max(1, (int)Math.Round((double)shots / (episodes * sequencesPerEpisode)));
        var assets = Math.Max(1, episodes * sequencesPerEpisode * shotsPerSequence / 4);
        return new SeedSpec(name, episodes, sequencesPerEpisode, shotsPerSequence, assets, TasksPerEntity);
    }

    public static int Count(SeededProject p) => p.EpisodeIds.Count + p.SequenceIds.Count + p.ShotIds.Count + p.AssetIds.Count + p.TaskIds.Count;
}
