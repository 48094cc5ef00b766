using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>Publishes in AYON reach ShotGrid as a Version with a PublishedFile per representation, linked both ways.</summary>
[Collection(PushCollection.Name)]
public sealed class VersionPushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task AVersionPublishedInAyonBecomesAShotGridVersionWithItsPublishedFiles()
    {
        var (name, projectId, shot, _) = await fixture.SyncedOneShotProjectAsync("PushVersion");
        using var gateway = fixture.GatewayClient();
        await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true }));
        var artist = ShotGridSeeder.AddHumanUser(Sg, "vpush.artist." + name, "Version Artist");
        fixture.Ayon.Store.AddUser("vpush_" + name.ToLowerInvariant(), "Version Artist", artist);
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id;
        var (task, product, version, exr, mov) = (Id(), Id(), Id(), Id(), Id());

        // One publish, as an artist's publish tool sends it: a new task, the product, the version and two representations.
        using var person = new AyonPerson(fixture.Ayon);
        await person.CreateManyAsync(name,
        [
            Op("task", task, new JsonObject { ["name"] = "comp", ["taskType"] = "Animation", ["folderId"] = folder }),
            Op("product", product, new JsonObject { ["name"] = "renderMain", ["productType"] = "render", ["folderId"] = folder }),
            Op("version", version, new JsonObject
            {
                ["version"] = 3, ["productId"] = product, ["taskId"] = task, ["author"] = "vpush_" + name.ToLowerInvariant(),
                ["attrib"] = new JsonObject { ["comment"] = "first comp", ["frameStart"] = 1001, ["frameEnd"] = 1048 },
            }),
            Op("representation", exr, new JsonObject
            {
                ["name"] = "exr", ["versionId"] = version, ["attrib"] = new JsonObject { ["path"] = "/proj/sh010/comp/render.1001.exr" },
                ["files"] = new JsonArray(new JsonObject { ["id"] = Id(), ["path"] = "/proj/sh010/comp/render.%04d.exr" }),
            }),
            Op("representation", mov, new JsonObject
            {
                ["name"] = "mov", ["versionId"] = version, ["files"] = new JsonArray(new JsonObject { ["id"] = Id(), ["path"] = "/proj/sh010/comp/review.mov" }),
            }),
        ]);

        var sgVersion = Assert.Single(await Eventually.WaitAsync(() => Task.FromResult(Sg.FindIds("Version", "sg_ayon_id", version)), ids => ids.Count > 0, $"AYON version {version} to reach ShotGrid"));
        var fields = Sg.Get("Version", sgVersion)!;
        var sgTask = Assert.Single(Sg.FindIds("Task", "sg_ayon_id", task));
        Assert.Equal("renderMain_v003", fields.TextField("code"));
        Assert.Equal(("Shot", shot), (fields.LinkField("entity")?.Type, fields.LinkField("entity")?.Id));
        Assert.Equal(sgTask, fields.LinkField("sg_task")?.Id);
        Assert.Equal(artist, fields.LinkField("user")?.Id);
        Assert.Equal("first comp", fields.TextField("description"));
        Assert.Equal(("1001", "1048", "1001-1048"), (fields.TextField("sg_first_frame"), fields.TextField("sg_last_frame"), fields.TextField("frame_range")));

        var files = await Eventually.WaitAsync(
            () => Task.FromResult(new[] { exr, mov }.SelectMany(r => Sg.FindIds("PublishedFile", "sg_ayon_id", r)).ToList()), ids => ids.Count == 2, "both PublishedFiles");
        var exrFile = Sg.Get("PublishedFile", Assert.Single(Sg.FindIds("PublishedFile", "sg_ayon_id", exr)))!;
        Assert.Equal(sgVersion, exrFile.LinkField("version")?.Id);
        Assert.Equal("render.1001.exr", exrFile.TextField("code"));
        Assert.Contains("/proj/sh010/comp/render.1001.exr", exrFile.TextField("path"), StringComparison.Ordinal);
        Assert.Equal("exr", Sg.Get("PublishedFileType", exrFile.LinkField("published_file_type")!.Id)!.TextField("code"));
        Assert.Equal(2, files.Count);

        // Linked back on the AYON version, so a replay or a later sync sees one Version.
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Versions(name).Single(v => v.Id == version)),
            v => TestProjects.Attrib(v.Attrib, "shotgridId") == sgVersion.ToString(CultureInfo.InvariantCulture),
            $"AYON version {version} to carry ShotGrid Version {sgVersion}");

        // A later change of the comment updates the description; nothing is created twice.
        await person.PatchVersionAsync(name, version, new JsonObject { ["attrib"] = new JsonObject { ["comment"] = "fixed edges" } });
        await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Version", sgVersion)!.TextField("description")), d => d == "fixed edges", "the new comment to reach ShotGrid");
        Assert.Single(Sg.FindIds("Version", "sg_ayon_id", version));
        Assert.Single(Sg.FindIds("PublishedFile", "sg_ayon_id", mov));
    }

    private static string Id() => Guid.NewGuid().ToString("N");

    private static JsonObject Op(string entityType, string id, JsonObject data) =>
        new() { ["type"] = "create", ["entityType"] = entityType, ["entityId"] = id, ["data"] = data };
}
