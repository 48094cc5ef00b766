using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_answers_matching_requests_then_recovers()
    {
        await using var client = await AyonTestClient.StartAsync();
        client.Emulator.Faults.FailNext(2, 503, TimeSpan.FromSeconds(3), pathContains: "/api/projects");

        var (info, _) = await client.GetAsync("api/info");
        using var first = await client.Http.GetAsync("api/projects");
        var (second, body) = await client.GetAsync("api/projects");
        var (third, _) = await client.GetAsync("api/projects");

        Assert.Equal(HttpStatusCode.OK, info);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second);
        Assert.Equal(503, body!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, third);
    }

    [Fact]
    public async Task Down_makes_everything_503_until_reset()
    {
        await using var client = await AyonTestClient.StartAsync();
        client.Emulator.Faults.Down = true;

        var (down, _) = await client.GetAsync("api/info");
        client.Emulator.Faults.Reset();
        var (up, _) = await client.GetAsync("api/info");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal(HttpStatusCode.OK, up);
    }

    [Fact]
    public async Task Rejected_folder_names_fail_their_ops_with_400()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        client.Emulator.Faults.RejectFolderNames = name => name.StartsWith("bad", StringComparison.Ordinal);

        var (_, body) = await client.PostAsync("api/projects/demo/operations", new
        {
            canFail = true,
            operations = new[]
            {
                new { type = "create", entityType = "folder", data = new { name = "good" } },
                new { type = "create", entityType = "folder", data = new { name = "bad1" } },
            },
        });

        Assert.Equal([201, 400], body!["operations"]!.AsArray().Select(o => o!["status"]!.GetValue<int>()));
        Assert.Equal(["good"], client.Emulator.Store.Folders("demo").Select(f => f.Name));
    }

    [Fact]
    public async Task RejectAllWrites_fails_ops_and_rest_writes_with_403_but_reads_work()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        client.Emulator.Faults.RejectAllWrites = true;

        var (rest, restBody) = await client.PostAsync("api/projects/demo/folders", new { name = "a" });
        var (ops, opsBody) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new[] { new { type = "create", entityType = "folder", data = new { name = "a" } } },
        });
        var (read, _) = await client.GetAsync("api/projects/demo");

        Assert.Equal(HttpStatusCode.Forbidden, rest);
        Assert.Equal("forbidden", restBody!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ops);
        Assert.Equal(403, opsBody!["operations"]![0]!["status"]!.GetValue<int>());
        Assert.Equal("forbidden", opsBody["operations"]![0]!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, read);
    }
}
