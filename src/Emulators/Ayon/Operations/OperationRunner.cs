using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Runs a batch the way <c>ProjectLevelOperations</c> does: in order; all-or-nothing with <c>canFail=false</c>
/// (stop at the first failure, undo everything, list only the ops up to it, emit no events), or each op on its own
/// with <c>canFail=true</c>.
/// </summary>
internal static class OperationRunner
{
    /// <summary>The response body, or throws the first failure when raiseOnError is set without canFail.</summary>
    public static JsonObject Run(AyonStore store, string projectName, OperationBatch batch, RequestOrigin origin) =>
        store.Locked(() =>
        {
            var project = store.ProjectTable.GetValueOrDefault(projectName)
                ?? throw AyonProblem.NotFound($"Project {projectName} not found");
            var ctx = new WriteContext(project, store.Attributes, store.Faults, store.Time.GetUtcNow(), []);
            var results = batch.CanFail ? RunIndependently(ctx, batch) : RunAtomically(ctx, batch);
            if (results.Failure is { } failure && batch.RaiseOnError && !batch.CanFail)
            {
                throw failure;
            }

            store.CommitEvents(ctx, origin);
            return new JsonObject
            {
                ["success"] = results.Items.All(r => r["success"]!.GetValue<bool>()),
                ["operations"] = new JsonArray(results.Items.Select(r => (JsonNode?)r).ToArray()),
            };
        });

    private static (List<JsonObject> Items, AyonProblem? Failure) RunAtomically(WriteContext ctx, OperationBatch batch)
    {
        var undo = new List<Action>();
        ctx.Project.UndoLog = undo;
        var items = new List<JsonObject>();
        foreach (var op in batch.Operations)
        {
            try
            {
                items.Add(Success(op, Apply(ctx, op)));
            }
            catch (AyonProblem problem)
            {
                items.Add(Failed(op, problem));
                ctx.Project.RollBack(undo);
                ctx.Events.Clear();
                return (items, problem);
            }
        }

        ctx.Project.UndoLog = null;
        return (items, null);
    }

    private static (List<JsonObject> Items, AyonProblem? Failure) RunIndependently(WriteContext ctx, OperationBatch batch)
    {
        var items = new List<JsonObject>();
        AyonProblem? first = null;
        foreach (var op in batch.Operations)
        {
            var undo = new List<Action>();
            ctx.Project.UndoLog = undo;
            var eventsBefore = ctx.Events.Count;
            try
            {
                items.Add(Success(op, Apply(ctx, op)));
                ctx.Project.UndoLog = null;
            }
            catch (AyonProblem problem)
            {
                ctx.Project.RollBack(undo);
                ctx.Events.RemoveRange(eventsBefore, ctx.Events.Count - eventsBefore);
                items.Add(Failed(op, problem));
                first ??= problem;
            }
        }

        return (items, first);
    }

    private static string Apply(WriteContext ctx, EntityOperation op)
    {
        var data = op.Data ?? [];
        return (op.Type, op.EntityType) switch
        {
            ("create", "folder") => FolderWriter.Create(ctx, data, op.EntityId),
            ("create", "task") => TaskWriter.Create(ctx, data, op.EntityId),
            ("create", "product") => ProductWriter.Create(ctx, data, op.EntityId),
            ("create", "version") => VersionWriter.Create(ctx, data, op.EntityId),
            ("create", "representation") => RepresentationWriter.Create(ctx, data, op.EntityId),
            ("update", "folder") => Done(op, () => FolderWriter.Update(ctx, op.EntityId!, data, op.Force)),
            ("update", "task") => Done(op, () => TaskWriter.Update(ctx, op.EntityId!, data)),
            ("update", "product") => Done(op, () => ProductWriter.Update(ctx, op.EntityId!, data)),
            ("update", "version") => Done(op, () => VersionWriter.Update(ctx, op.EntityId!, data)),
            ("update", "representation") => Done(op, () => RepresentationWriter.Update(ctx, op.EntityId!, data)),
            ("delete", "folder") => Done(op, () => FolderWriter.Delete(ctx, op.EntityId!)),
            ("delete", "task") => Done(op, () => TaskWriter.Delete(ctx, op.EntityId!)),
            ("delete", "product") => Done(op, () => ProductWriter.Delete(ctx, op.EntityId!)),
            ("delete", "version") => Done(op, () => VersionWriter.Delete(ctx, op.EntityId!)),
            ("delete", "representation") => Done(op, () => RepresentationWriter.Delete(ctx, op.EntityId!)),
            _ => throw AyonProblem.BadRequest($"Entity type {op.EntityType} is not supported by the emulator"),
        };
    }

    private static string Done(EntityOperation op, Action write)
    {
        write();
        return op.EntityId!;
    }

    private static JsonObject Success(EntityOperation op, string entityId) =>
        Item(op, entityId, true, op.Type == "create" ? 201 : 204, null, null);

    private static JsonObject Failed(EntityOperation op, AyonProblem problem) =>
        Item(op, op.EntityId, false, problem.Status, problem.ErrorCode, problem.Detail);

    private static JsonObject Item(EntityOperation op, string? entityId, bool success, int status, string? errorCode, string? detail) => new()
    {
        ["id"] = op.Id,
        ["type"] = op.Type,
        ["entityType"] = op.EntityType,
        ["entityId"] = entityId,
        ["success"] = success,
        ["status"] = status,
        ["errorCode"] = errorCode,
        ["detail"] = detail,
    };
}
