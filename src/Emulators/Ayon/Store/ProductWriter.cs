using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create of products (the emulator keeps no versions or representations; a product is what blocks a folder delete).</summary>
internal static class ProductWriter
{
    private const string PostModel = "ProductPostModel";

    public static string Create(WriteContext ctx, JsonObject data, string? entityId)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var id = EntityFieldRules.ResolveNewId(data, entityId, PostModel, i => project.GetProduct(i) is not null, "Product");
        var name = EntityFieldRules.RequireName(data, PostModel);
        var folderId = JsonFields.GetString(data, "folderId", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "folderId", "field required", "value_error.missing");
        var productType = JsonFields.GetString(data, "productType", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "productType", "field required", "value_error.missing");
        if (project.GetFolder(folderId) is null)
        {
            throw AyonProblem.ForeignKey($"folder_id '{NamingRules.Dashed(folderId)}' is not present in table \"folders\".");
        }

        if (project.ProductsOf(folderId).Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw AyonProblem.Unique($"Product with folder_id, lower(name::text) '{NamingRules.Dashed(folderId)}, {name.ToLowerInvariant()}' already exists.");
        }

        project.PutProduct(new ProductRecord(id, name, folderId, productType));
        ctx.Events.Add(new PendingEvent("entity.product.created", $"Product {name} created", EntityFieldRules.Summary(id, folderId), []));
        return id;
    }
}
