using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Operations_without_canFail_stop_at_the_first_failure_and_keep_nothing()
    {
        var p = await NewProjectAsync("opsall");

        var answer = await Ayon.PostAsync($"api/projects/{p}/operations", J("""
            {"operations":[{"type":"create","entityType":"folder","data":{"name":"a1"}},
                           {"type":"create","entityType":"folder","data":{"name":"A1"}},
                           {"type":"create","entityType":"folder","data":{"name":"a2"}}]}
            """));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Body!["success"]!.GetValue<bool>());
        // Results stop at the failing operation; the first one's create is rolled back with it.
        Assert.Equal(["201/True/-", "409/False/unique-violation"], OpResults(answer.Body));
        Assert.Empty((await Ayon.GetAsync($"api/projects/{p}/folders")).Body!["folders"]!.AsArray());
    }

    [Fact]
    public async Task Operations_with_canFail_report_each_result_and_keep_what_worked()
    {
        var p = await NewProjectAsync("opsfail");

        var answer = await Ayon.PostAsync($"api/projects/{p}/operations", J($$$"""
            {"canFail":true,"operations":[{"type":"create","entityType":"folder","data":{"name":"b1"}},
                           {"type":"create","entityType":"folder","data":{"name":"b 2"}},
                           {"type":"create","entityType":"folder","data":{"name":"b3","status":"Nope"}},
                           {"type":"update","entityType":"folder","entityId":"{{{MissingId}}}","data":{"label":"x"}},
                           {"type":"create","entityType":"folder","data":{"name":"B1"}}]}
            """));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Body!["success"]!.GetValue<bool>());
        Assert.Equal(["201/True/-", "400/False/invalid_data", "409/False/foreign-key-violation", "404/False/not-found", "409/False/unique-violation"],
            OpResults(answer.Body));
        Assert.NotNull(answer.Body["operations"]![0]!["entityId"]);
        Assert.Equal(["b1"], (await Ayon.GetAsync($"api/projects/{p}/folders")).Body!["folders"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Two_operations_on_one_entity_are_refused_before_anything_runs()
    {
        var p = await NewProjectAsync("opsdup");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01"}"""));

        var answer = await Ayon.PostAsync($"api/projects/{p}/operations", J($$$"""
            {"operations":[{"type":"update","entityType":"folder","entityId":"{{{sq}}}","data":{"label":"x"}},
                           {"type":"delete","entityType":"folder","entityId":"{{{sq}}}"}]}
            """));

        Assert.Equal((HttpStatusCode.BadRequest, $"Duplicate operation for folder {sq}"), (answer.Status, answer.Detail));
        Assert.Equal(HttpStatusCode.OK, (await Ayon.GetAsync($"api/projects/{p}/folders/{sq}")).Status);
    }

    [Fact]
    public async Task A_create_with_an_id_already_taken_is_a_unique_violation_for_folders_and_tasks()
    {
        var p = await NewProjectAsync("opsid");
        var sq = await Ayon.CreateAsync($"api/projects/{p}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var task = await Ayon.CreateAsync($"api/projects/{p}/tasks", J($$$"""{"name":"comp","taskType":"Compositing","folderId":"{{{sq}}}"}"""));
        var ours = Guid.NewGuid().ToString("N");

        var first = await Ayon.PostAsync($"api/projects/{p}/operations", J($$$"""
            {"canFail":true,"operations":[{"type":"create","entityType":"folder","entityId":"{{{ours}}}","data":{"name":"c1"}}]}
            """));
        var again = await Ayon.PostAsync($"api/projects/{p}/operations", J($$$"""
            {"canFail":true,"operations":[{"type":"create","entityType":"folder","entityId":"{{{ours}}}","data":{"name":"c2"}},
                           {"type":"create","entityType":"task","entityId":"{{{task}}}","data":{"name":"t9","taskType":"Compositing","folderId":"{{{sq}}}"}}]}
            """));

        Assert.Equal(["201/True/-"], OpResults(first.Body!));
        Assert.Equal(ours, first.Body!["operations"]![0]!["entityId"]!.GetValue<string>());
        Assert.Equal(["409/False/unique-violation", "409/False/unique-violation"], OpResults(again.Body!));
        Assert.Equal($"Folder with id '{Guid.Parse(ours)}' already exists.", again.Body!["operations"]![0]!["detail"]!.GetValue<string>());
        Assert.Equal($"Task with id '{Guid.Parse(task)}' already exists.", again.Body["operations"]![1]!["detail"]!.GetValue<string>());
    }

    private static string[] OpResults(JsonNode body) => [.. body["operations"]!.AsArray()
        .Select(o => $"{o!["status"]}/{o["success"]!.GetValue<bool>()}/{o["errorCode"]?.GetValue<string>() ?? "-"}")];
}
