using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// What the leecher relies on when a ShotGrid parent is retired (the cascade itself: <c>Deleting_a_folder_deletes_its_subfolders_and_tasks</c>):
/// a product below refuses the delete, and a folder with published versions below moves only with the operation's <c>force</c>.
/// </summary>
public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task A_folder_with_published_versions_moves_or_renames_only_with_force_and_keeps_them()
    {
        var (p, sh, _, _, version, _) = await PublishAsync("pubmove");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));

        var patched = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J($$"""{"parentId":"{{sq}}"}"""));
        var renamed = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J("""{"name":"sh011"}"""));
        var relabelled = await Ayon.PatchAsync($"api/projects/{p}/folders/{sh}", J("""{"label":"Shot 10"}"""));
        async Task<(bool Success, int Status, string? Detail)> MoveAsync(string? parent, bool force)
        {
            var operation = new JsonObject
            {
                ["type"] = "update", ["entityType"] = "folder", ["entityId"] = sh, ["data"] = new JsonObject { ["parentId"] = parent }, ["force"] = force,
            };
            var body = new JsonObject { ["operations"] = new JsonArray(operation) };
            var op = (await Ayon.PostAsync($"api/projects/{p}/operations", body)).Body!["operations"]![0]!;
            return (op["success"]!.GetValue<bool>(), op["status"]!.GetValue<int>(), op["detail"]?.GetValue<string>());
        }

        var unforced = await MoveAsync(sq, force: false);
        var forced = await MoveAsync(sq, force: true);
        var refusedDelete = await Ayon.DeleteAsync($"api/projects/{p}/folders/{sq}");
        var movedBack = await MoveAsync(null, force: true);
        var deleted = await Ayon.DeleteAsync($"api/projects/{p}/folders/{sq}");

        Assert.Equal((HttpStatusCode.Forbidden, "Cannot change parent_id of a folder with published versions"), (patched.Status, patched.Detail));
        Assert.Equal((HttpStatusCode.Forbidden, "Cannot change name of a folder with published versions"), (renamed.Status, renamed.Detail));
        Assert.Equal(HttpStatusCode.NoContent, relabelled.Status);
        Assert.Equal((false, 403), (unforced.Success, unforced.Status));
        Assert.Equal((true, 204), (forced.Success, forced.Status));
        Assert.Equal(HttpStatusCode.Conflict, refusedDelete.Status);
        Assert.True(movedBack.Success, movedBack.Detail);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.OK, (await Ayon.GetAsync($"api/projects/{p}/versions/{version}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Ayon.GetAsync($"api/projects/{p}/folders/{sh}")).Status);
    }
}
