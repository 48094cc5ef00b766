using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Writes of <c>/api/projects/{p}/lists</c> as AYON 1.15.18 makes them (api/entity_lists, save_entity_list): a create
/// with a taken id saves over that list (<c>entity_list.changed</c>), every save emits <c>entity_list.created</c> or
/// <c>.changed</c> with the list summary, a delete <c>entity_list.deleted</c>; <c>data.count</c> follows the items.
/// </summary>
internal static class EntityListWriter
{
    private const string PostModel = "EntityListPostModel";
    private const string PatchModel = "EntityListPatchModel";

    public static JsonObject Create(WriteContext ctx, string user, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var entityType = JsonFields.GetString(body, "entityType", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "entityType", "field required", "value_error.missing");
        var label = JsonFields.GetString(body, "label", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "label", "field required", "value_error.missing");
        if (label.Length == 0)
        {
            throw AyonProblem.BadRequest("Label is required");
        }

        var id = JsonFields.GetString(body, "id", PostModel) ?? NamingRules.NewId();
        var items = (JsonFields.Get(body, "items") as JsonArray ?? [])
            .OfType<JsonObject>().Select(i => EntityListItems.New(ctx.Project, entityType, i, user, ctx.Now)).ToList();
        var list = new EntityListRecord(
            id, JsonFields.GetString(body, "entityListType", PostModel) ?? "generic", entityType, label,
            JsonFields.GetString(body, "owner", PostModel) ?? user,
            JsonFields.GetObject(body, "attrib", PostModel) ?? [], JsonFields.GetObject(body, "data", PostModel) ?? [],
            JsonFields.GetStringList(body, "tags", PostModel) ?? [], JsonFields.GetBool(body, "active", PostModel) ?? true,
            items, user, user, ctx.Now, ctx.Now);
        var saved = Save(ctx, list, created: ctx.Project.Lists.Get(id) is null);
        return EntityListJson.Summary(saved, snake: false);
    }

    public static void Patch(WriteContext ctx, string user, string id, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var list = Load(ctx, id);
        var attrib = JsonFields.GetObject(body, "attrib", PatchModel);
        var data = JsonFields.GetObject(body, "data", PatchModel);
        Save(ctx, list with
        {
            Label = JsonFields.GetString(body, "label", PatchModel) ?? list.Label,
            Attrib = attrib is null ? list.Attrib : JsonFields.MergeOneLevel(list.Attrib, attrib),
            Data = data is null ? list.Data : JsonFields.MergeOneLevel(list.Data, data),
            Tags = JsonFields.GetStringList(body, "tags", PatchModel) ?? list.Tags,
            Owner = JsonFields.GetString(body, "owner", PatchModel) ?? list.Owner,
            Active = JsonFields.GetBool(body, "active", PatchModel) ?? list.Active,
            UpdatedBy = user,
        });
    }

    public static void AddItem(WriteContext ctx, string user, string id, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var list = Load(ctx, id);
        var item = EntityListItems.New(ctx.Project, list.EntityType, body, user, ctx.Now);
        var items = list.Items.ToList();
        var position = JsonFields.Get(body, "position")?.GetValue<int>();
        items.Insert(position is { } p ? Math.Clamp(p, 0, items.Count) : items.Count, item);
        Save(ctx, list with { Items = items, UpdatedBy = user });
    }

    public static void RemoveItem(WriteContext ctx, string user, string id, string itemId)
    {
        ctx.ThrowIfWritesRejected();
        var list = Load(ctx, id);
        var items = list.Items.ToList();
        items.RemoveAt(EntityListItems.IndexOf(list, itemId));
        Save(ctx, list with { Items = items, UpdatedBy = user });
    }

    /// <summary>PATCH …/items: <c>replace</c> (the default) sets the items, <c>merge</c> updates known ids and appends new ones, <c>delete</c> removes by id.</summary>
    public static void PatchItems(WriteContext ctx, string user, string id, JsonObject body)
    {
        ctx.ThrowIfWritesRejected();
        var patched = (JsonFields.Get(body, "items") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (patched.Count == 0)
        {
            throw AyonProblem.InvalidData("EntityListMultiPatchModel", "items", "ensure this value has at least 1 items", "value_error.list.min_items");
        }

        var list = Load(ctx, id);
        var mode = JsonFields.GetString(body, "mode", "EntityListMultiPatchModel") ?? "replace";
        var items = mode switch
        {
            "replace" => patched.Select(i => EntityListItems.New(ctx.Project, list.EntityType, RequireEntity(i), user, ctx.Now)).ToList(),
            "delete" => list.Items.Where(i => !patched.Any(p => JsonFields.Get(p, "id")?.GetValue<string>() == i.Id)).ToList(),
            "merge" => Merge(ctx, list, patched, user),
            _ => throw AyonProblem.InvalidData("EntityListMultiPatchModel", "mode", "unexpected value; permitted: 'replace', 'merge', 'delete'", "value_error.const"),
        };
        Save(ctx, list with { Items = items, UpdatedBy = user });
    }

    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var list = Load(ctx, id);
        ctx.Project.Lists.Remove(id);
        ctx.Events.Add(new PendingEvent("entity_list.deleted", $"Deleted entity list {list.Label}", EntityListJson.Summary(list, snake: true, withFolder: true), []));
    }

    private static List<EntityListItemRecord> Merge(WriteContext ctx, EntityListRecord list, List<JsonObject> patched, string user)
    {
        var items = list.Items.ToList();
        foreach (var p in patched)
        {
            var itemId = JsonFields.Get(p, "id")?.GetValue<string>();
            var at = itemId is null ? -1 : items.FindIndex(i => i.Id == itemId);
            if (at < 0)
            {
                items.Add(EntityListItems.New(ctx.Project, list.EntityType, RequireEntity(p), user, ctx.Now));
            }
            else if (JsonFields.Get(p, "label")?.GetValue<string>() is { } label)
            {
                items[at] = items[at] with { Label = label };
            }
        }

        return items;
    }

    private static JsonObject RequireEntity(JsonObject item) =>
        JsonFields.Has(item, "entityId") ? item : throw AyonProblem.BadRequest("Entity ID is required in replace mode");

    private static EntityListRecord Load(WriteContext ctx, string id) =>
        ctx.Project.Lists.Get(id) ?? throw AyonProblem.NotFound($"Entity list {id} not found");

    private static EntityListRecord Save(WriteContext ctx, EntityListRecord list, bool created = false)
    {
        if (ctx.Project.Lists.WithLabel(list.Label) is { } holder && holder.Id != list.Id)
        {
            // The real server answers this one 500 with the unique violation in the body (EntityListEndpoints).
            throw AyonProblem.Unique($"Entity_list with label '{list.Label}' already exists.");
        }

        var data = (JsonObject)list.Data.DeepClone();
        data["count"] = list.Items.Count;
        var saved = list with { Data = data, UpdatedAt = ctx.Now };
        ctx.Project.Lists.Put(saved);
        var mode = created ? "created" : "changed";
        ctx.Events.Add(new PendingEvent($"entity_list.{mode}", $"Entity list {saved.Label} {mode}", EntityListJson.Summary(saved, snake: true), []));
        return saved;
    }
}
