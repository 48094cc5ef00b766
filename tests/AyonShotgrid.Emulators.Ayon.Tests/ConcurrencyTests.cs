using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_creates_are_all_stored_and_duplicates_rejected_exactly_once()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");

        // Every name is sent twice at once: exactly one of each pair must win.
        var attempts = Enumerable.Range(0, 100).SelectMany(i => new[] { $"sh{i:D3}", $"SH{i:D3}" })
            .Select(name => client.PostAsync("api/projects/demo/folders", new { name }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(100, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(100, results.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.Equal(100, client.Emulator.Store.Folders("demo").Count);
        Assert.Equal(201, client.Emulator.RequestCount);
    }
}
