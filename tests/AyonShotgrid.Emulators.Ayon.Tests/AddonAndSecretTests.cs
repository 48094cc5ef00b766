using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class AddonAndSecretTests
{
    [Fact]
    public async Task Settings_are_served_per_variant_and_404_when_not_set()
    {
        await using var client = await AyonTestClient.StartAsync();
        client.Emulator.Store.SetAddonSettings("shotgrid", "0.6.19", new JsonObject { ["shotgrid_server"] = "https://x" });
        client.Emulator.Store.SetAddonSettings("shotgrid", "0.6.19", new JsonObject { ["shotgrid_server"] = "https://s" }, "staging");

        var (ok, production) = await client.GetAsync("api/addons/shotgrid/0.6.19/settings");
        var (_, staging) = await client.GetAsync("api/addons/shotgrid/0.6.19/settings?variant=staging");
        var (missing, body) = await client.GetAsync("api/addons/nope/1.0.0/settings");

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("https://x", production!["shotgrid_server"]!.GetValue<string>());
        Assert.Equal("https://s", staging!["shotgrid_server"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Addon nope does not exist", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Secrets_round_trip()
    {
        await using var client = await AyonTestClient.StartAsync();
        client.Emulator.Store.SetSecret("sg_key", "seeded");

        var (_, seeded) = await client.GetAsync("api/secrets/sg_key");
        var (put, _) = await client.PutAsync("api/secrets/other", new { value = "v2" });
        var (_, other) = await client.GetAsync("api/secrets/other");
        var (noValue, _) = await client.PutAsync("api/secrets/x", new { });
        var (missing, _) = await client.GetAsync("api/secrets/none");

        Assert.Equal("seeded", seeded!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, put);
        Assert.Equal("v2", other!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noValue);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
