using System.Net;

namespace AyonShotgrid.Emulators.Ayon.Tests;

/// <summary>Products exist to decide "published under it": AYON refuses to delete a folder subtree that holds one (reference §3).</summary>
public sealed class ProductTests
{
    [Fact]
    public async Task A_folder_whose_subtree_has_a_product_cannot_be_deleted_but_can_be_deactivated()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var asset = await client.CreateFolderAsync("demo", new { name = "hero" });
        var lod = await client.CreateFolderAsync("demo", new { name = "lod", parentId = asset });
        var bare = await client.CreateFolderAsync("demo", new { name = "bare" });
        var (_, created) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[] { new { type = "create", entityType = "product", data = new { name = "modelMain", folderId = lod, productType = "model" } } },
        });
        Assert.True(created!["success"]!.GetValue<bool>());

        var (refused, body) = await client.SendAsync(HttpMethod.Delete, $"api/projects/demo/folders/{asset}");
        var (inBatch, batch) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[] { new { type = "delete", entityType = "folder", entityId = asset } },
            canFail = true,
        });
        var (deactivated, _) = await client.PatchAsync($"api/projects/demo/folders/{asset}", new { active = false });
        var (deleted, _) = await client.SendAsync(HttpMethod.Delete, $"api/projects/demo/folders/{bare}");

        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("Unable to delete a folder with products or tasks.", body!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, inBatch);
        Assert.Equal(409, batch!["operations"]![0]!["status"]!.GetValue<int>());
        Assert.Equal("delete-folder-with-children", batch!["operations"]![0]!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deactivated);
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/projects/demo/folders/{lod}")).Status);
    }

    [Fact]
    public async Task A_product_needs_an_existing_folder_and_a_name_free_in_it()
    {
        await using var client = await AyonTestClient.StartAsync();
        await client.DeployAsync("demo", "dm");
        var folder = await client.CreateFolderAsync("demo", new { name = "hero" });

        var (_, result) = await client.PostAsync("api/projects/demo/operations", new
        {
            operations = new object[]
            {
                new { type = "create", entityType = "product", data = new { name = "modelMain", folderId = folder, productType = "model" } },
                new { type = "create", entityType = "product", data = new { name = "MODELMAIN", folderId = folder, productType = "model" } },
                new { type = "create", entityType = "product", data = new { name = "other", folderId = "0123456789abcdef0123456789abcdef", productType = "model" } },
            },
            canFail = true,
        });

        var statuses = result!["operations"]!.AsArray().Select(o => o!["status"]!.GetValue<int>()).ToArray();
        Assert.Equal([201, 409, 409], statuses);
    }
}
