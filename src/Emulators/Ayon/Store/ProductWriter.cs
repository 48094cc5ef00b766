using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create, update and delete of products; a product blocks its folder's delete, its delete takes its versions along.</summary>
internal static class ProductWriter
{
    private const string PostModel = "ProductPostModel";
    private const string PatchModel = "ProductPatchModel";

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
        var product = new ProductRecord(
            id, name, folderId, productType, PublishFields.DefaultedStatus(ctx, data, "product", PostModel),
            JsonFields.GetStringList(data, "tags", PostModel) ?? [],
            EntityFieldRules.WithoutNulls(EntityFieldRules.WritableAttrib(ctx, data, "product", PostModel)),
            EntityFieldRules.WithoutNulls(JsonFields.GetObject(data, "data", PostModel) ?? []),
            JsonFields.GetBool(data, "active", PostModel) ?? true, project.NextSequence(), ctx.Now, ctx.Now);
        CheckIntegrity(project, product);
        project.PutProduct(product);
        ctx.Events.Add(new PendingEvent("entity.product.created", $"Product {name} created", EntityFieldRules.Summary(id, folderId), []));
        return id;
    }

    public static void Update(WriteContext ctx, string id, JsonObject data)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var old = project.GetProduct(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var updated = old with
        {
            Name = JsonFields.Has(data, "name") ? EntityFieldRules.RequireName(data, PatchModel) : old.Name,
            FolderId = JsonFields.GetString(data, "folderId", PatchModel) ?? old.FolderId,
            ProductType = JsonFields.GetString(data, "productType", PatchModel) ?? old.ProductType,
            Status = JsonFields.GetString(data, "status", PatchModel) ?? old.Status,
            Tags = JsonFields.GetStringList(data, "tags", PatchModel) ?? old.Tags,
            Active = JsonFields.GetBool(data, "active", PatchModel) ?? old.Active,
            Attrib = JsonFields.MergeOneLevel(old.Attrib, EntityFieldRules.WritableAttrib(ctx, data, "product", PatchModel)),
            Data = JsonFields.MergeOneLevel(old.Data, JsonFields.GetObject(data, "data", PatchModel) ?? []),
            UpdatedAt = ctx.Now,
        };
        CheckIntegrity(project, updated);
        project.PutProduct(updated);
        var events = new ChangeEvents(ctx, "product", id, updated.FolderId, "");
        events.Data(old.Data, updated.Data);
        events.Active(old.Active, updated.Active);
        events.Value("renamed", "name", old.Name, updated.Name);
        events.Value("folder_changed", "folder", old.FolderId, updated.FolderId);
        events.Value("product_type_changed", "product type", old.ProductType, updated.ProductType);
        events.Value("status_changed", "status", old.Status, updated.Status);
        events.Tags(old.Tags, updated.Tags);
        events.Attrib(old.Attrib, updated.Attrib);
    }

    /// <summary>Deletes the product with its versions and their representations (the tables cascade; one event, as measured for versions).</summary>
    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var product = ctx.Project.GetProduct(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        foreach (var version in ctx.Project.VersionsOf(id).ToList())
        {
            VersionWriter.RemoveWithRepresentations(ctx.Project, version.Id);
        }

        var path = ctx.Project.ProductPath(product);
        ctx.Project.RemoveProduct(id);
        ctx.Events.Add(new PendingEvent("entity.product.deleted", $"Product {path} deleted", EntityFieldRules.Summary(id, product.FolderId), []));
    }

    private static void CheckIntegrity(ProjectState project, ProductRecord product)
    {
        if (project.GetFolder(product.FolderId) is null)
        {
            throw AyonProblem.ForeignKey($"folder_id '{NamingRules.Dashed(product.FolderId)}' is not present in table \"folders\".");
        }

        EntityFieldRules.CheckStatus(project, product.Status);
        if (project.ProductsOf(product.FolderId).Any(p => p.Id != product.Id && string.Equals(p.Name, product.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw AyonProblem.Unique(
                $"Product with folder_id, lower(name::text) '{NamingRules.Dashed(product.FolderId)}, {product.Name.ToLowerInvariant()}' already exists.");
        }
    }
}
