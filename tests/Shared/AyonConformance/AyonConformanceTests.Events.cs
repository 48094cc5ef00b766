using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task An_event_hash_is_unique_and_an_event_can_be_patched()
    {
        var hash = "h" + Guid.NewGuid().ToString("N");
        var created = await Ayon.PostAsync("api/events", J($$$"""{"topic":"conf.event","hash":"{{{hash}}}","summary":{"n":1},"payload":{"p":1}}"""));
        var id = created.Body!["id"]!.GetValue<string>();

        var duplicate = await Ayon.PostAsync("api/events", J($$$"""{"topic":"conf.event","hash":"{{{hash}}}"}"""));
        var read = (await Ayon.GetAsync($"api/events/{id}")).Body!;
        var patch = await Ayon.PatchAsync($"api/events/{id}", J("""{"status":"failed","description":"went wrong"}"""));
        var patched = (await Ayon.GetAsync($"api/events/{id}")).Body!;
        var missing = await Ayon.GetAsync($"api/events/{MissingId}");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal((HttpStatusCode.Conflict, "Event with the same hash already exists"), (duplicate.Status, duplicate.Detail));
        Assert.Equal("finished", read["status"]!.GetValue<string>());
        Assert.Equal(hash, read["hash"]!.GetValue<string>());
        Assert.Equal(1, read["summary"]!["n"]!.GetValue<int>());
        Assert.Equal(1, read["payload"]!["p"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        Assert.Equal("failed", patched["status"]!.GetValue<string>());
        Assert.Equal("went wrong", patched["description"]!.GetValue<string>());
        Assert.Equal(1, patched["summary"]!["n"]!.GetValue<int>());
        Assert.Equal((HttpStatusCode.NotFound, "Event not found"), (missing.Status, missing.Detail));
    }

    [Fact]
    public async Task Secrets_round_trip_and_settings_of_a_missing_addon_are_404()
    {
        var name = ConformanceNames.Attribute("secret");

        var put = await Ayon.PutAsync($"api/secrets/{name}", J("""{"value":"s3cret"}"""));
        var get = await Ayon.GetAsync($"api/secrets/{name}");
        var settings = await Ayon.GetAsync("api/addons/nopeaddon/1.0.0/settings");

        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        Assert.Equal("s3cret", get.Body!["value"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.NotFound, "Addon nopeaddon does not exist"), (settings.Status, settings.Detail));
    }
}
