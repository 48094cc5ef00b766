namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class SeederTests
{
    [Fact]
    public async Task SeedProjectBuildsTheRequestedHierarchy()
    {
        await using var site = await TestSite.StartAsync();
        var seeded = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Sized", Episodes: 2, SequencesPerEpisode: 3, ShotsPerSequence: 4, Assets: 5, TasksPerEntity: 2));

        Assert.Equal(2, seeded.EpisodeIds.Count);
        Assert.Equal(6, seeded.SequenceIds.Count);
        Assert.Equal(24, seeded.ShotIds.Count);
        Assert.Equal(5, seeded.AssetIds.Count);
        Assert.Equal((24 + 5) * 2, seeded.TaskIds.Count);
        Assert.Equal(["Layout", "Animation", "Lighting", "Comp", "Model", "Rig", "Surfacing"], seeded.StepIds.Keys);
        Assert.Equal(new EntityLink("Episode", seeded.EpisodeIds[0]), site.Store.Get("Sequence", seeded.SequenceIds[0])!["episode"]);
        var navchains = (System.Text.Json.Nodes.JsonObject)site.Store.Get("Project", seeded.ProjectId)!["tracking_settings"]!;
        Assert.Equal("episode", navchains["navchains"]!["Sequence"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeedDemoHasAStepLessTaskAndFlatSequencesWhenNoEpisodes()
    {
        await using var site = await TestSite.StartAsync();
        var demo = ShotGridSeeder.SeedDemo(site.Store);
        var flat = ShotGridSeeder.SeedProject(site.Store, new SeedSpec("Flat", SequencesPerEpisode: 2, ShotsPerSequence: 1, Assets: 0, TasksPerEntity: 0));

        Assert.Equal(12, demo.ShotIds.Count);
        Assert.Single(demo.TaskIds, id => site.Store.Get("Task", id)!["step"] is null);
        Assert.Equal(["Character", "Prop", "Environment"], demo.AssetIds.Select(id => (string)site.Store.Get("Asset", id)!["sg_asset_type"]!).Distinct());
        var settings = (System.Text.Json.Nodes.JsonObject)site.Store.Get("Project", flat.ProjectId)!["tracking_settings"]!;
        Assert.Equal("__flat__", settings["navchains"]!["Sequence"]!.GetValue<string>());
        Assert.Empty(flat.EpisodeIds);
    }
}
