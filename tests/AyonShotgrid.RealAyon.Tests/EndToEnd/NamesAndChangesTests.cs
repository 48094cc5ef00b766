using System.Text.Json;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>
/// The sync's name handling, the leecher and override-differences on the real server, each on its own ShotGrid
/// project, with the same expectations as the emulator tests in AyonShotgrid.Tests.
/// </summary>
[Collection(RealAyonCollection.Name)]
public sealed class NamesAndChangesTests(RealAyonServer server)
{
    [Fact]
    public async Task Duplicate_sibling_names_get_the_ShotGrid_id_appended_and_are_listed()
    {
        var (deployment, _) = await server.DemoAsync();
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, name) = NewProject(sg, "Dupes", new() { ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__" });
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = Project(projectId) });
        var first = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = Project(projectId), ["sg_sequence"] = new EntityLink("Sequence", sequence) });
        var second = sg.Create("Shot", new() { ["code"] = "SH010", ["project"] = Project(projectId), ["sg_sequence"] = new EntityLink("Sequence", sequence) });
        using var gateway = deployment.Gateway();
        var ayonName = await PrepareAsync(gateway, projectId);

        var job = await gateway.SyncAsync(projectId);
        var again = await gateway.SyncAsync(projectId);

        var folders = await AyonReadBack.FoldersAsync(deployment.Ayon, ayonName);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{name}: {job}");
        Assert.Equal("sh010", folders.Linked("Shot", first).Name);
        Assert.Equal($"SH010_sg{second}", folders.Linked("Shot", second).Name);
        Assert.Contains(job.GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "renamed" && i.GetProperty("entityId").GetInt64() == second);
        Assert.Equal((0, 3), (again.Count("created"), again.Count("alreadyPresent")));
    }

    [Fact]
    public async Task Hostile_codes_become_valid_names_and_labels_are_kept_readable()
    {
        var (deployment, _) = await server.DemoAsync();
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, _) = NewProject(sg, "Hostile", new() { ["Shot"] = "__flat__" });
        var apostrophe = sg.Create("Shot", new() { ["code"] = "Bob's shot; final", ["project"] = Project(projectId) });
        var accents = sg.Create("Shot", new() { ["code"] = "Écran Noir — v2", ["project"] = Project(projectId) });
        var symbols = sg.Create("Shot", new() { ["code"] = "***", ["project"] = Project(projectId) });
        var slashes = sg.Create("Shot", new() { ["code"] = "a/b\\c..d", ["project"] = Project(projectId) });
        using var gateway = deployment.Gateway();
        var ayonName = await PrepareAsync(gateway, projectId);

        var job = await gateway.SyncAsync(projectId);

        var folders = await AyonReadBack.FoldersAsync(deployment.Ayon, ayonName);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", $"{job}");
        Assert.Equal(4, job.Count("created"));
        Assert.Equal(("Bobs_shot__final", "Bob\u2019s shot, final"), (folders.Linked("Shot", apostrophe).Name, folders.Linked("Shot", apostrophe).Label));
        Assert.Equal(("Ecran_Noir____v2", "Écran Noir — v2"), (folders.Linked("Shot", accents).Name, folders.Linked("Shot", accents).Label));
        Assert.Equal($"shot_{symbols}", folders.Linked("Shot", symbols).Name);
        Assert.Equal("a_b_c__d", folders.Linked("Shot", slashes).Name);
        Assert.Contains(job.GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "adjusted" && i.GetProperty("entityId").GetInt64() == apostrophe);
    }

    [Fact]
    public async Task The_leecher_brings_a_shot_created_in_ShotGrid_into_AYON_under_its_sequence()
    {
        var (deployment, _) = await server.DemoAsync();
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, _) = NewProject(sg, "Leech", new() { ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__" });
        var sequence = sg.Create("Sequence", new() { ["code"] = "sq010", ["project"] = Project(projectId) });
        using var gateway = deployment.Gateway();
        var ayonName = await PrepareAsync(gateway, projectId);
        await gateway.SyncAsync(projectId);

        // Written as the emulator's HumanUser: the leecher ignores the integration's own script writes on purpose.
        var shot = sg.Create("Shot", new() { ["code"] = "sh_live", ["project"] = Project(projectId), ["sg_sequence"] = new EntityLink("Sequence", sequence) });

        var folders = await Eventually.WaitAsync(
            () => AyonReadBack.FoldersAsync(deployment.Ayon, ayonName),
            list => list.Any(f => f.SgType == "Shot" && f.SgId == shot.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"shot {shot} to reach the real AYON project {ayonName}",
            TimeSpan.FromSeconds(60));
        Assert.Equal(folders.Linked("Sequence", sequence).Id, folders.Linked("Shot", shot).ParentId);
        Assert.Equal("sh_live", folders.Linked("Shot", shot).Name);
    }

    [Fact]
    public async Task Override_differences_updates_what_changed_while_create_only_leaves_it()
    {
        var (deployment, _) = await server.DemoAsync();
        var sg = deployment.Cluster.ShotGrid.Store;
        var (projectId, _) = NewProject(sg, "Override", new() { ["Shot"] = "__flat__" });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["sg_status_list"] = "wtg", ["project"] = Project(projectId) });
        using var gateway = deployment.Gateway();
        var ayonName = await PrepareAsync(gateway, projectId);
        await gateway.SyncAsync(projectId);
        var before = await FolderStatusAsync(deployment, ayonName, shot);
        sg.Update("Shot", shot, new() { ["code"] = "sh010 take two", ["sg_status_list"] = "ip" });

        var createOnly = await gateway.SyncAsync(projectId);
        var unchanged = await FolderStatusAsync(deployment, ayonName, shot);
        var overriding = await gateway.SyncAsync(projectId, overrideDifferences: true);
        var updated = await FolderStatusAsync(deployment, ayonName, shot);

        Assert.Equal((0, 0), (createOnly.Count("created"), createOnly.Count("updated")));
        Assert.Equal(before, unchanged);
        Assert.True(overriding.GetProperty("state").GetString() == "succeeded", $"{overriding}");
        Assert.Equal(1, overriding.Count("updated"));
        Assert.Equal("sh010 take two", updated.Label);
        Assert.NotEqual(before.Status, updated.Status);
        Assert.Equal((before.Id, "sh010"), (updated.Id, updated.Name));
    }

    private static async Task<(string Id, string Name, string? Label, string Status)> FolderStatusAsync(SyncDeployment deployment, string project, long shot)
    {
        var folder = (await AyonReadBack.FoldersAsync(deployment.Ayon, project)).Linked("Shot", shot);
        var status = (await deployment.Ayon.GetAsync($"api/projects/{project}/folders/{folder.Id}")).Body!["status"]!.GetValue<string>();
        return (folder.Id, folder.Name, folder.Label, status);
    }

    private static (long ProjectId, string Name) NewProject(ShotGridStore sg, string stem, Dictionary<string, string> navchains)
    {
        var name = $"{stem} {Guid.NewGuid().ToString("N")[..6]}";
        var projectId = sg.CreateProject(name, code: stem.ToLowerInvariant());
        sg.SetNavchains(projectId, navchains);
        return (projectId, name);
    }

    private static async Task<string> PrepareAsync(HttpClient gateway, long projectId) =>
        (await gateway.PrepareAsync(projectId)).GetProperty("ayonProjectName").GetString()!;

    private static EntityLink Project(long id) => new("Project", id);
}
