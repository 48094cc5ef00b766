using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Create, update and delete of representations (a version's files), with the rules measured on AYON 1.15.18.</summary>
internal static class RepresentationWriter
{
    private const string PostModel = "RepresentationPostModel";
    private const string PatchModel = "RepresentationPatchModel";

    public static string Create(WriteContext ctx, JsonObject data, string? entityId)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var id = EntityFieldRules.ResolveNewId(data, entityId, PostModel, i => project.GetRepresentation(i) is not null, "Representation");
        var name = EntityFieldRules.RequireName(data, PostModel);
        var versionId = JsonFields.GetString(data, "versionId", PostModel)
            ?? throw AyonProblem.InvalidData(PostModel, "versionId", "field required", "value_error.missing");
        var representation = new RepresentationRecord(
            id, name, versionId, PublishFields.Files(data, PostModel),
            PublishFields.DefaultedStatus(ctx, data, "representation", PostModel),
            JsonFields.GetStringList(data, "tags", PostModel) ?? [],
            EntityFieldRules.WithoutNulls(EntityFieldRules.WritableAttrib(ctx, data, "representation", PostModel)),
            EntityFieldRules.WithoutNulls(JsonFields.GetObject(data, "data", PostModel) ?? []),
            JsonFields.GetBool(data, "active", PostModel) ?? true, project.NextSequence(), ctx.Now, ctx.Now);
        CheckIntegrity(project, representation);
        project.PutRepresentation(representation);
        ctx.Events.Add(new PendingEvent(
            "entity.representation.created", $"Representation {name} created", EntityFieldRules.Summary(id, versionId), []));
        return id;
    }

    public static void Update(WriteContext ctx, string id, JsonObject data)
    {
        ctx.ThrowIfWritesRejected();
        var project = ctx.Project;
        var old = project.GetRepresentation(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        var updated = old with
        {
            Name = JsonFields.Has(data, "name") ? EntityFieldRules.RequireName(data, PatchModel) : old.Name,
            VersionId = JsonFields.GetString(data, "versionId", PatchModel) ?? old.VersionId,
            Files = JsonFields.Has(data, "files") ? PublishFields.Files(data, PatchModel) : old.Files,
            Status = JsonFields.GetString(data, "status", PatchModel) ?? old.Status,
            Tags = JsonFields.GetStringList(data, "tags", PatchModel) ?? old.Tags,
            Active = JsonFields.GetBool(data, "active", PatchModel) ?? old.Active,
            Attrib = JsonFields.MergeOneLevel(old.Attrib, EntityFieldRules.WritableAttrib(ctx, data, "representation", PatchModel)),
            Data = JsonFields.MergeOneLevel(old.Data, JsonFields.GetObject(data, "data", PatchModel) ?? []),
            UpdatedAt = ctx.Now,
        };
        CheckIntegrity(project, updated);
        project.PutRepresentation(updated);
        var events = new ChangeEvents(ctx, "representation", id, updated.VersionId, "");
        events.Data(old.Data, updated.Data);
        events.Active(old.Active, updated.Active);
        events.Value("renamed", "name", old.Name, updated.Name);
        events.Value("status_changed", "status", old.Status, updated.Status);
        events.Tags(old.Tags, updated.Tags);
        events.Attrib(old.Attrib, updated.Attrib);
    }

    public static void Delete(WriteContext ctx, string id)
    {
        ctx.ThrowIfWritesRejected();
        var representation = ctx.Project.GetRepresentation(id) ?? throw AyonProblem.NotFound($"Entity {id} not found");
        ctx.Project.RemoveRepresentation(id);
        ctx.Events.Add(new PendingEvent(
            "entity.representation.deleted", $"Representation {representation.Name} deleted",
            EntityFieldRules.Summary(id, representation.VersionId), []));
    }

    private static void CheckIntegrity(ProjectState project, RepresentationRecord representation)
    {
        if (project.GetVersion(representation.VersionId) is null)
        {
            throw AyonProblem.ForeignKey($"version_id '{NamingRules.Dashed(representation.VersionId)}' is not present in table \"versions\".");
        }

        EntityFieldRules.CheckStatus(project, representation.Status);
        var clash = project.RepresentationsOf(representation.VersionId).Any(r =>
            r.Id != representation.Id && string.Equals(r.Name, representation.Name, StringComparison.OrdinalIgnoreCase));
        if (clash)
        {
            throw AyonProblem.Unique(
                $"Representation with version_id, lower(name::text) '{NamingRules.Dashed(representation.VersionId)}, {representation.Name.ToLowerInvariant()}' already exists.");
        }
    }
}
