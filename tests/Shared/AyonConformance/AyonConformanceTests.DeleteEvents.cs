using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>What a deletion tells the AYON → ShotGrid push: the deleted row, with its own attributes (the ShotGrid link among them).</summary>
public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Deleting_a_folder_or_task_emits_an_event_carrying_the_deleted_row_with_its_own_attributes()
    {
        var p = await NewProjectAsync("delev");
        var (sq, sh, task) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var created = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/operations", J($$$$"""
            {"operations":[
              {"type":"create","entityType":"folder","entityId":"{{{{sq}}}}","data":{"name":"sq010","folderType":"Sequence","attrib":{"fps":24}}},
              {"type":"create","entityType":"folder","entityId":"{{{{sh}}}}","data":{"name":"sh010","folderType":"Shot","parentId":"{{{{sq}}}}","attrib":{"frameStart":1001}}},
              {"type":"create","entityType":"task","entityId":"{{{{task}}}}","data":{"name":"comp","taskType":"Compositing","folderId":"{{{{sh}}}}","attrib":{"frameEnd":1050}}}]}
            """));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var cursor = (await EventsAfterAsync(p, null, 3))[^1]["cursor"]!.GetValue<string>();

        var deleted = await Ayon.SendAsync(HttpMethod.Post, $"api/projects/{p}/operations", J($$$$"""
            {"operations":[
              {"type":"delete","entityType":"task","entityId":"{{{{task}}}}"},
              {"type":"delete","entityType":"folder","entityId":"{{{{sh}}}}"}]}
            """));
        Assert.Equal(HttpStatusCode.OK, deleted.Status);

        var gone = await EventsAfterAsync(p, cursor, 2);
        Assert.Equal(["entity.task.deleted", "entity.folder.deleted"], gone.Select(e => Topic(e)).ToArray());
        var (taskRow, folderRow) = (Payload(gone[0])["entityData"]!, Payload(gone[1])["entityData"]!);
        Assert.Equal((task, "comp", sh), (taskRow["id"]!.GetValue<string>(), taskRow["name"]!.GetValue<string>(), taskRow["folderId"]!.GetValue<string>()));
        Assert.Equal((sh, "Shot", sq), (folderRow["id"]!.GetValue<string>(), folderRow["folderType"]!.GetValue<string>(), folderRow["parentId"]!.GetValue<string>()));

        // Own attributes only: the inherited fps is not in the shot's row, nor is the ownAttrib list.
        Assert.Equal(["frameEnd"], taskRow["attrib"]!.AsObject().Select(a => a.Key).ToArray());
        Assert.Equal(["frameStart"], folderRow["attrib"]!.AsObject().Select(a => a.Key).ToArray());
        Assert.Equal(1001, folderRow["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.False(folderRow.AsObject().ContainsKey("ownAttrib"));
    }
}
