using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class EventTests
{
    [Fact]
    public async Task Duplicate_hash_is_409_unless_reuse()
    {
        await using var client = await AyonTestClient.StartAsync();

        var (first, created) = await client.PostAsync("api/events", new { topic = "shotgrid.event", hash = "h1", summary = new { sg_event_id = 7 } });
        var (second, conflict) = await client.PostAsync("api/events", new { topic = "shotgrid.event", hash = "h1" });
        var (reused, replacement) = await client.PostAsync("api/events", new { topic = "shotgrid.event", hash = "h1", reuse = true });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal("Event with the same hash already exists", conflict!["detail"]!.GetValue<string>());
        Assert.Equal(409, conflict["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, reused);
        Assert.NotEqual(created!["id"]!.GetValue<string>(), replacement!["id"]!.GetValue<string>());
        Assert.Single(client.Emulator.Store.Events, e => e.Hash == "h1");
    }

    [Fact]
    public async Task Get_and_patch_replace_summary_and_status()
    {
        await using var client = await AyonTestClient.StartAsync();
        var (_, created) = await client.PostAsync("api/events", new { topic = "my.topic", finished = false, summary = new { a = 1, b = 2 } });
        var id = created!["id"]!.GetValue<string>();

        var (patched, _) = await client.PatchAsync($"api/events/{id}", new { status = "in_progress", summary = new { c = 3 } });
        var (_, fetched) = await client.GetAsync($"api/events/{id}");
        var (missing, _) = await client.GetAsync($"api/events/{Guid.NewGuid():N}");
        var (badId, _) = await client.GetAsync("api/events/not-an-id");

        Assert.Equal(HttpStatusCode.NoContent, patched);
        Assert.Equal("in_progress", fetched!["status"]!.GetValue<string>());
        Assert.Null(fetched["summary"]!["a"]);
        Assert.Equal(3, fetched["summary"]!["c"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.BadRequest, badId);
    }

    [Fact]
    public async Task Invalid_topic_is_400()
    {
        await using var client = await AyonTestClient.StartAsync();

        var (status, _) = await client.PostAsync("api/events", new { topic = "1bad" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
