using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

/// <summary>Emulator-only checks of publishes: undo of a failed batch, the product delete cascade and the test view of versions.</summary>
public sealed class VersionTests
{
    [Fact]
    public async Task A_failed_batch_keeps_no_version_and_a_product_delete_takes_its_versions_and_files_along()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var shot = await client.CreateFolderAsync("demo", new { name = "sh010", folderType = "Shot" });
        var product = Guid.NewGuid().ToString("N");
        var (_, ok) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[]
            {
                new { type = "create", entityType = "product", entityId = product, data = new { name = "renderMain", folderId = shot, productType = "render" } },
                new { type = "create", entityType = "version", data = new { version = 1, productId = product, attrib = new { comment = "first" } } },
            },
        });
        Assert.True(ok!["success"]!.GetValue<bool>());
        var v1 = Assert.Single(client.Emulator.Store.Versions("demo"));

        var (_, failed) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[]
            {
                new { type = "create", entityType = "version", data = new { version = 2, productId = product } },
                new { type = "create", entityType = "representation", data = new { name = "exr", versionId = v1.Id, files = new[] { new { id = shot, path = "/r.exr" } } } },
                new { type = "create", entityType = "version", data = new { version = 1, productId = product } },
            },
        });
        Assert.False(failed!["success"]!.GetValue<bool>());
        var kept = Assert.Single(client.Emulator.Store.Versions("demo"));
        Assert.Equal(("v001", "renderMain", shot, "first"), (kept.Name, kept.ProductName, kept.FolderId, kept.Attrib["comment"]));
        Assert.Empty(kept.Representations);

        var (_, withFile) = await client.PostAsync("api/projects/demo/representations", new { name = "exr", versionId = v1.Id, files = new[] { new { id = shot, path = "/r.exr" } } });
        Assert.Equal(["/r.exr"], Assert.Single(Assert.Single(client.Emulator.Store.Versions("demo")).Representations).FilePaths);

        var (deleted, _) = await client.SendAsync(HttpMethod.Delete, $"api/projects/demo/products/{product}");
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Empty(client.Emulator.Store.Versions("demo"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"api/projects/demo/representations/{withFile!["id"]!.GetValue<string>()}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"api/projects/demo/folders/{shot}")).Status);
    }
}
