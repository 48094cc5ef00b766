using System.Net;
using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using static AyonShotgrid.Tests.Clients.AyonTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class AyonClientEventsTests
{
    private static AyonEventRequest Event(string hash) => new(
        "shotgrid.event", hash, "demo", "Shot sh010 changed", new JsonObject { ["sg_event_id"] = 123 }, new JsonObject { ["meta"] = "m" });

    [Fact]
    public async Task PostEventReturnsFalseWhenAyonAlreadyHasTheHash()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            JsonNode.Parse(req.Body)!["hash"]!.GetValue<string>() == "seen"
                ? LoopbackServer.WriteJsonAsync(ctx, 409, """{"code":409,"detail":"Event with the same hash already exists"}""")
                : LoopbackServer.WriteJsonAsync(ctx, 200, """{"id":"0123456789abcdef0123456789abcdef"}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        Assert.True(await client.PostEventAsync(Event("new"), CancellationToken.None));
        Assert.False(await client.PostEventAsync(Event("seen"), CancellationToken.None));

        var body = JsonNode.Parse(server.Requests[0].Body)!;
        Assert.Equal(("POST", "/api/events"), (server.Requests[0].Method, server.Requests[0].Path));
        Assert.Equal("shotgrid.event", body["topic"]!.GetValue<string>());
        Assert.Equal("demo", body["project"]!.GetValue<string>());
        Assert.Equal(123, body["summary"]!["sg_event_id"]!.GetValue<int>());
        Assert.Equal("m", body["payload"]!["meta"]!.GetValue<string>());
        Assert.True(body["finished"]!.GetValue<bool>());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task OperationsAreSentInAyonsShapeAndPerOperationResultsReturnedAsTheyAre()
    {
        const string answer = """
            {"success": false, "operations": [
              {"id": "op1", "type": "create", "entityType": "folder", "entityId": "aa000000000000000000000000000001", "success": true, "status": 201, "errorCode": null, "detail": null},
              {"id": "op2", "type": "update", "entityType": "task", "entityId": "bb000000000000000000000000000002", "success": false, "status": 409,
               "errorCode": "unique-violation", "detail": "Task with ... already exists."}]}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, req) => LoopbackServer.WriteJsonAsync(ctx, 200, answer));
        using var client = Client(server, new InstantDelayTimeProvider());

        var result = await client.SendOperationsAsync(
            "demo",
            [
                new AyonOperation("op1", "create", "folder", "aa000000000000000000000000000001", new JsonObject { ["name"] = "sh010", ["folderType"] = "Shot" }),
                new AyonOperation("op2", "update", "task", "bb000000000000000000000000000002", new JsonObject { ["status"] = "Done" }),
                new AyonOperation("op3", "delete", "folder", "cc000000000000000000000000000003", null),
            ],
            canFail: true,
            CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/api/projects/demo/operations"), (request.Method, request.Path));
        Assert.Equal(
            """{"operations":[{"id":"op1","type":"create","entityType":"folder","entityId":"aa000000000000000000000000000001","data":{"name":"sh010","folderType":"Shot"}},"""
            + """{"id":"op2","type":"update","entityType":"task","entityId":"bb000000000000000000000000000002","data":{"status":"Done"}},"""
            + """{"id":"op3","type":"delete","entityType":"folder","entityId":"cc000000000000000000000000000003"}],"canFail":true}""",
            JsonNode.Parse(request.Body)!.ToJsonString());
        Assert.False(result.Success);
        Assert.Equal(new AyonOperationResult("op1", true, 201, "aa000000000000000000000000000001", null, null), result.Operations[0]);
        Assert.Equal(new AyonOperationResult("op2", false, 409, "bb000000000000000000000000000002", "unique-violation", "Task with ... already exists."), result.Operations[1]);
    }

    [Fact]
    public async Task OperationsAreRetriedOnServiceUnavailable()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, req) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.WriteJsonAsync(ctx, 503, """{"code":503,"detail":"busy"}""", retryAfter: "3")
            : LoopbackServer.WriteJsonAsync(ctx, 200, """{"success":true,"operations":[]}"""));
        var time = new InstantDelayTimeProvider();
        using var client = Client(server, time);

        var result = await client.SendOperationsAsync("demo", [], canFail: false, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(2, calls);
        Assert.Equal([TimeSpan.FromSeconds(3)], time.Delays);
    }

    [Fact]
    public async Task ABadOperationsRequestIsThrownNotRetried()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, req) =>
            LoopbackServer.WriteJsonAsync(ctx, 400, """{"code":400,"detail":"Duplicate operation for folder x"}"""));
        using var client = Client(server, new InstantDelayTimeProvider());

        var error = await Assert.ThrowsAsync<AyonException>(() => client.SendOperationsAsync("demo", [], canFail: true, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("Duplicate operation for folder x", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
