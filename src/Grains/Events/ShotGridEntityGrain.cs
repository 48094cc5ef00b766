using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Events;

/// <summary>
/// One ShotGrid entity. Non-reentrant, so its events apply one at a time in event order; different entities run in
/// parallel. Creation is idempotent: the entity is looked up by its ShotGrid link (and its deterministic AYON id)
/// before anything is written, and replayed events at or below <see cref="ShotGridEntityGrainState.LastEventId"/> are skipped.
/// </summary>
public sealed partial class ShotGridEntityGrain(
    [PersistentState("entity", StorageNames.Sync)] IPersistentState<ShotGridEntityGrainState> state,
    IAyonClient ayon,
    AyonCreateBatcher creates,
    ShotGridProjectReader reader,
    AttributeMapSource attributeMaps,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<ShotGridEntityGrain> logger) : Grain, IShotGridEntityGrain
{
    /// <summary>The entity as the project read it for the events being applied (null outside ApplyAsync).</summary>
    private EntitySnapshot? _snapshot;

    /// <summary>The project lets the leecher apply changes to existing entities (for the events being applied).</summary>
    private bool _applyChanges;

    /// <summary>The last <see cref="EnsureAsync"/> created this entity (rather than finding it in AYON).</summary>
    private bool _justCreated;

    /// <summary>The last <see cref="EnsureAsync"/> found the entity deleted in ShotGrid (nothing to create).</summary>
    private bool _goneInShotGrid;

    private EntityKey Key => EntityKey.Parse(this.GetPrimaryKeyString());

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot) =>
        ApplyCoreAsync(events, snapshot, applyChanges: false);

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges) =>
        ApplyCoreAsync(events, snapshot, applyChanges);

    private async Task<EntityApplyResult> ApplyCoreAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges)
    {
        _snapshot = snapshot;
        _applyChanges = applyChanges;
        int applied = 0, ignored = 0, failed = 0;
        var errors = new List<string>();
        var gone = new List<long>();

        // A create refused by AYON is one failure, not one per Change row ShotGrid wrote for the same create.
        string? refusedInThisCall = null;
        try
        {
            foreach (var e in events.OrderBy(e => e.Id))
            {
                if (e.Id <= state.State.LastEventId)
                {
                    ignored++;
                    continue;
                }

                if ((refusedInThisCall is not null || state.State.CreateFailed) && state.State.AyonId is null && (e.Kind == "New" || e.InCreate))
                {
                    ignored++;
                    state.State.Ignored++;
                    state.State.LastEventId = e.Id;
                    continue;
                }

                try
                {
                    _goneInShotGrid = false;
                    if (await ApplyOneAsync(e))
                    {
                        applied++;
                        state.State.Applied++;
                        await MirrorAsync(e);
                    }
                    else if (_goneInShotGrid && !state.State.ReportedGone)
                    {
                        gone.Add(e.Id);
                        state.State.ReportedGone = true;
                        Record($"event {e.Id}: {Key.Type} {Key.Id} was deleted in ShotGrid before the event was read; nothing to create");
                    }
                    else
                    {
                        ignored++;
                        state.State.Ignored++;
                    }
                }
                catch (EntityApplyException refused)
                {
                    failed++;
                    state.State.Failed++;
                    state.State.LastError = $"event {e.Id} ({e.EventType}): {refused.Message}";
                    errors.Add(state.State.LastError);
                    refusedInThisCall = refused.Message;
                    state.State.CreateFailed = state.State.AyonId is null && (e.Kind == "New" || e.InCreate);
                    LogRefused(logger, e.Id, e.EventType, refused.Message);
                }

                state.State.LastEventId = e.Id;
            }
        }
        finally
        {
            _snapshot = null;

            // Keep what was done even when a server outage interrupts the list; the rest is delivered again.
            await state.WriteStateAsync();
        }

        return new EntityApplyResult(applied, ignored, failed, errors, gone);
    }

    async Task<string?> IShotGridEntityGrain.EnsureInAyonAsync()
    {
        // Every child of a new shot asks its parent; writing unchanged state each time made the parent grain a queue.
        var before = state.State.AyonId;
        var id = await EnsureAsync();
        if (state.State.AyonId != before)
        {
            await state.WriteStateAsync();
        }

        return id;
    }

    async Task IShotGridEntityGrain.RestoreAsync()
    {
        var before = state.State.AyonId;
        try
        {
            await EnsureAsync();
        }
        catch (EntityApplyException refused)
        {
            state.State.Failed++;
            state.State.LastError = $"restoring after the parent's revival: {refused.Message}";
            LogRefused(logger, 0, "restore", refused.Message);
        }

        if (state.State.AyonId != before || state.State.LastError is not null)
        {
            if (state.State.AyonId != before)
            {
                Record($"restored in AYON as {state.State.AyonId} after its parent's revival");
            }

            await state.WriteStateAsync();
        }
    }

    /// <summary>True when the event changed AYON; false when it was deliberately left (recorded, or nothing to do).</summary>
    private async Task<bool> ApplyOneAsync(EventLogItem e)
    {
        switch (e.Kind)
        {
            case "Retirement":
                state.State.RetiredInShotGrid = true;
                if (_applyChanges)
                {
                    return await RetireAsync(e);
                }

                Record($"event {e.Id}: retired in ShotGrid (AYON entity kept; deletion is not enabled)");
                return false;
            case "Revival" when _applyChanges && state.State.Deactivated:
                state.State.RetiredInShotGrid = false;
                return await ReactivateAsync(e);
            case "New":
            case "Revival":
            case "Change":
                if (e.Kind == "Revival")
                {
                    state.State.RetiredInShotGrid = false;
                    if (_applyChanges && Key.Type != SyncEntityTypes.Task)
                    {
                        return await ReviveFolderAsync(e);
                    }
                }

                if (e.Kind == "Change" && !e.InCreate && _applyChanges)
                {
                    // Ensure first: the index may not know yet what a sync made, and a create that finds the entity
                    // already there must still apply the change. One just created from the snapshot has it already.
                    _justCreated = false;
                    return await EnsureAsync() is { } id && (_justCreated || await ApplyChangeAsync(e, id));
                }

                var existed = state.State.AyonId is not null || await Index().LookupAsync(NodeKey, reloadIfLoadedBefore: null) is not null;
                if (existed)
                {
                    if (e.Kind == "Change" && !e.InCreate)
                    {
                        Record($"event {e.Id}: {e.AttributeName} changed in ShotGrid (recorded; updates are not applied in create-only mode)");
                    }

                    await EnsureAsync();
                    return false;
                }

                return await EnsureAsync() is not null;
            default:
                return false;
        }
    }

    private string NodeKey => NodeKeys.Of(Key.Type, Key.Id);

    /// <summary>
    /// The changed field only, with the rules of a sync's override differences: code/content → label (the AYON name never
    /// changes), status by short code, Step → task type, the placing link → parent move. Other fields are recorded.
    /// What AYON cannot take (a status it does not allow, a move into a taken name) is refused and reported.
    /// </summary>
    private async Task<bool> ApplyChangeAsync(EventLogItem e, string ayonId)
    {
        var item = _snapshot is { } read ? EntitySnapshots.ToItem(read, Key.Type, Key.Id) : null;
        if (item is null)
        {
            Record($"event {e.Id}: {e.AttributeName} changed, but the entity is not readable in ShotGrid any more");
            return false;
        }

        var node = Node.FromItem(item);
        if (node.Unreadable is { } unreadable)
        {
            throw new EntityApplyException(unreadable);
        }

        var index = Index();
        var context = await index.GetContextAsync();
        var data = new JsonObject();
        string change;
        switch (e.AttributeName)
        {
            case "code" or "content":
                data["label"] = AyonNames.Label(node.Label);
                change = $"label → '{AyonNames.Label(node.Label)}'";
                break;
            case "sg_status_list" when node.Status is { Length: > 0 }:
                var statuses = StatusMap.From(context.Statuses.Select(s => new AyonStatus(s.Name, s.ShortName, Scope: s.Scope)));
                var status = statuses.For(node.Status, node.AyonEntityType)
                    ?? throw new EntityApplyException($"conflict: {statuses.WhyNot(node.Status, node.AyonEntityType)}; AYON status left as it is");
                data["status"] = status;
                change = $"status → '{status}'";
                break;
            case "step" when node.AyonEntityType == "task":
                var taskType = CreateData.TaskType(node, context.TaskTypes.ToHashSet(StringComparer.Ordinal), context.DefaultTaskType ?? options.Value.DefaultTaskType);
                data["taskType"] = taskType;
                change = $"task type → '{taskType}'";
                break;
            case "tags" when node.Tags is { } tags:
                data["tags"] = CreateData.Strings(tags);
                change = $"tags → [{string.Join(", ", tags)}]";
                break;
            case "task_assignees" when node.AyonEntityType == "task" && node.Assignees is { } assignees:
                var users = new UserMap(await index.GetUserLinksAsync());
                var unresolved = new List<string>();
                var fromShotGrid = users.Resolve(assignees, unresolved.Add);
                var current = (await ayon.GetTaskAsync(context.AyonProjectName, ayonId, CancellationToken.None))?.Assignees ?? [];
                var wanted = users.Wanted(current, fromShotGrid);
                foreach (var reason in unresolved)
                {
                    Record($"event {e.Id}: {reason}");
                }

                if (UserMap.SameSet(current, wanted))
                {
                    Record($"event {e.Id}: task_assignees changed; AYON assignees [{string.Join(", ", current)}] already match");
                    return false;
                }

                data["assignees"] = CreateData.Strings(wanted);
                change = $"assignees [{string.Join(", ", current)}] → [{string.Join(", ", wanted)}]";
                break;
            case { } field when IsPlacingField(field, context):
                if (node.SkipReason is not null)
                {
                    throw new EntityApplyException(node.SkipReason);
                }

                var parentId = await ParentIdAsync(item, node, context, index);
                data[node.AyonEntityType == "task" ? "folderId" : "parentId"] = parentId;
                change = $"moved under {(parentId is null ? "the project root" : parentId)}";
                break;
            case { } field when (await attributeMaps.RecentAsync(CancellationToken.None)).For(Key.Type).FirstOrDefault(m => m.SgField == field) is { } mapped:
                // The value as the project read it with this poll's snapshot (converted to the AYON type); an empty
                // ShotGrid value is left out there, and AYON keeps what it has, as in override differences.
                if (node.Attrib?.GetValueOrDefault(mapped.AyonAttribute) is not { } value)
                {
                    var why = item.AttribNotes is { Count: > 0 } notes ? string.Join("; ", notes) : "empty in ShotGrid, AYON keeps its value";
                    Record($"event {e.Id}: {field} changed; attribute {mapped.AyonAttribute} not written ({why})");
                    return false;
                }

                data["attrib"] = new JsonObject { [mapped.AyonAttribute] = value.DeepClone() };
                change = $"attribute {mapped.AyonAttribute} → {ResolvedAttributeMap.Text(value)}";
                break;
            default:
                Record($"event {e.Id}: {e.AttributeName} changed in ShotGrid (recorded; not a field the sync maps)");
                return false;
        }

        var response = await ayon.SendOperationsAsync(context.AyonProjectName, [new AyonOperation("update", "update", node.AyonEntityType, ayonId, data)], canFail: false, CancellationToken.None);
        var result = response.Operations.FirstOrDefault();
        if (!(result?.Success ?? response.Success))
        {
            throw new EntityApplyException($"conflict: AYON refused the {e.AttributeName} change ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
        }

        Record($"event {e.Id}: {e.AttributeName} applied: {change}");
        LogChangeApplied(logger, NodeKey, context.AyonProjectName, e.AttributeName ?? "", change);
        return true;
    }

    /// <summary>
    /// Deletes the AYON entity when nothing was published under it; AYON refuses to delete a folder whose subtree has
    /// products, and then it is kept, deactivated and marked (<c>data.shotgridRemoved</c>). The link attributes stay, so a
    /// revival finds it again; a deleted one is re-created with the same id.
    /// </summary>
    private async Task<bool> RetireAsync(EventLogItem e)
    {
        var index = Index();
        // Unknown to the index: reload it first (it may have loaded before a sync created the entity).
        var ayonId = state.State.AyonId ?? await index.LookupAsync(NodeKey, reloadIfLoadedBefore: time.GetUtcNow());
        if (ayonId is null)
        {
            Record($"event {e.Id}: retired in ShotGrid; not in AYON, nothing to do");
            return false;
        }

        var context = await index.GetContextAsync();
        var kind = Key.Type == SyncEntityTypes.Task ? "task" : "folder";
        var deleted = await SendOneAsync(context, new AyonOperation("retire", "delete", kind, ayonId, null));
        // 404: gone already (a retired parent's delete took it along, or someone deleted it in AYON).
        if (deleted is { Success: true } or { Status: 404 })
        {
            state.State.AyonId = null;
            state.State.DeletedAyonId = ayonId;
            await index.ReloadAsync();
            Record($"event {e.Id}: retired in ShotGrid; AYON {kind} {ayonId} deleted (nothing was published under it)");
            LogRetired(logger, NodeKey, context.AyonProjectName, "deleted");
            return true;
        }

        if (deleted is not { Status: 409 })
        {
            throw new EntityApplyException($"AYON refused to delete {kind} {ayonId} ({deleted?.Status} {deleted?.ErrorCode}): {deleted?.Detail ?? "no detail"}");
        }

        var mark = new JsonObject { ["active"] = false, ["data"] = new JsonObject { ["shotgridRemoved"] = true, ["shotgridRetiredEventId"] = e.Id } };
        var kept = await SendOneAsync(context, new AyonOperation("deactivate", "update", kind, ayonId, mark));
        if (kept is not { Success: true })
        {
            throw new EntityApplyException($"AYON refused to deactivate {kind} {ayonId} ({kept?.Status} {kept?.ErrorCode}): {kept?.Detail ?? "no detail"}");
        }

        state.State.AyonId = ayonId;
        state.State.Deactivated = true;
        Record($"event {e.Id}: retired in ShotGrid; AYON {kind} {ayonId} kept, deactivated and marked removed (AYON refused the delete: {deleted.Detail})");
        LogRetired(logger, NodeKey, context.AyonProjectName, "deactivated");
        return true;
    }

    /// <summary>
    /// A revived folder comes back (with its previous id when the leecher deleted it), then asks its ShotGrid tasks to
    /// come back too: AYON deleted them along with the folder, and they get no retirement or revival of their own.
    /// </summary>
    private async Task<bool> ReviveFolderAsync(EventLogItem e)
    {
        // A child's change may have brought it back already (ShotGrid sends the children's changes first).
        var id = await EnsureAsync();
        if (id is null)
        {
            return false;
        }

        var context = await Index().GetContextAsync();
        var project = new SgProjectInfo(Key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        var taskIds = await reader.ReadTaskIdsOfAsync(project, Key.Type, Key.Id, CancellationToken.None);
        foreach (var taskId in taskIds)
        {
            await GrainFactory.GetGrain<IShotGridEntityGrain>(Key.GrainKeyOf(SyncEntityTypes.Task, taskId)).RestoreAsync();
        }

        Record($"event {e.Id}: revived in ShotGrid; AYON folder {id} is back, {taskIds.Count} of its tasks asked to come back");
        return true;
    }

    private async Task<bool> ReactivateAsync(EventLogItem e)
    {
        var context = await Index().GetContextAsync();
        var kind = Key.Type == SyncEntityTypes.Task ? "task" : "folder";
        var ayonId = state.State.AyonId!;
        var data = new JsonObject { ["active"] = true, ["data"] = new JsonObject { ["shotgridRemoved"] = null, ["shotgridRetiredEventId"] = null } };
        var result = await SendOneAsync(context, new AyonOperation("reactivate", "update", kind, ayonId, data));
        if (result is not { Success: true })
        {
            // Most likely an active sibling took the name meanwhile (inactive entities do not hold names in AYON).
            throw new EntityApplyException($"conflict: AYON refused to reactivate {kind} {ayonId} ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
        }

        state.State.Deactivated = false;
        Record($"event {e.Id}: revived in ShotGrid; AYON {kind} {ayonId} reactivated");
        return true;
    }

    private async Task<AyonOperationResult?> SendOneAsync(ProjectContext context, AyonOperation operation)
    {
        var response = await ayon.SendOperationsAsync(context.AyonProjectName, [operation], canFail: true, CancellationToken.None);
        return response.Operations.FirstOrDefault();
    }

    /// <summary>The ShotGrid field that decides where the entity sits in AYON.</summary>
    private bool IsPlacingField(string field, ProjectContext context) => Key.Type switch
    {
        SyncEntityTypes.Task => field == "entity",
        SyncEntityTypes.Asset => field == "sg_asset_type",
        _ => Navchains.From(context.Navchains).ParentField(Key.Type) == field,
    };

    private IAyonProjectIndexGrain Index() => GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(Key.Site, Key.ProjectId));

    /// <summary>The AYON id of this entity, creating it (and its parents, read from ShotGrid) when AYON lacks it; null when it cannot exist in AYON.</summary>
    private async Task<string?> EnsureAsync()
    {
        var index = Index();
        if (state.State.AyonId is { } known)
        {
            var indexed = await index.LookupAsync(NodeKey, reloadIfLoadedBefore: null);
            if (indexed == known)
            {
                return known;
            }

            if (indexed is not null)
            {
                state.State.AyonId = indexed;
                return indexed;
            }

            // AYON no longer has it although this entity was never retired here: it went with a deleted parent (AYON
            // deletes a folder's subtree) or a person deleted it. It is created again, with the same id.
            state.State.AyonId = null;
            state.State.DeletedAyonId = known;
            state.State.Deactivated = false;
        }

        // Known to the index (loaded from AYON when it activated, or recorded since)? Creating is tried otherwise; a
        // refused create then reloads the index once, which finds entities a sync or a person made meanwhile.
        if (await index.LookupAsync(NodeKey, reloadIfLoadedBefore: null) is { } found)
        {
            state.State.AyonId = found;
            return found;
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(Key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        // The project read this entity together with the others of its poll; a parent asked for by a child reads itself.
        var item = _snapshot is { } read
            ? EntitySnapshots.ToItem(read, Key.Type, Key.Id)
            : await reader.ReadItemAsync(project, Key.Type, Key.Id, CancellationToken.None, await attributeMaps.RecentAsync(CancellationToken.None));
        if (item is null)
        {
            // Retired again, or never readable: nothing to create.
            _goneInShotGrid = true;
            return null;
        }

        state.State.ReportedGone = false;

        var node = Node.FromItem(item);
        if ((node.Unreadable ?? node.SkipReason) is { } why)
        {
            throw new EntityApplyException(why);
        }

        var parentId = await ParentIdAsync(item, node, context, index);
        var id = await CreateAsync(node, parentId, context, index);
        state.State.AyonId = id;
        state.State.DeletedAyonId = null;
        state.State.CreateFailed = false;
        return id;
    }

    private async Task<string?> ParentIdAsync(SgItem item, Node node, ProjectContext context, IAyonProjectIndexGrain index)
    {
        if (node.ParentKey is null)
        {
            return null;
        }

        if (item.Type == SyncEntityTypes.Asset)
        {
            var category = Node.Category(item.AssetType!);
            return await index.LookupAsync(category.Key, reloadIfLoadedBefore: null) ?? await CreateAsync(category, null, context, index);
        }

        var parent = item.Parent!;
        // A parent AYON already has (made by the sync or the leecher, and indexed) is answered by the index; asking the
        // parent's grain is for parents that may have to be created, and it serialises every sibling behind one grain.
        if (await index.LookupAsync(node.ParentKey, reloadIfLoadedBefore: null) is { } known)
        {
            return known;
        }

        var parentGrain = GrainFactory.GetGrain<IShotGridEntityGrain>(Key.GrainKeyOf(parent.Type, parent.Id));
        return await parentGrain.EnsureInAyonAsync()
            ?? throw new EntityApplyException($"its parent {parent.Type} {parent.Id} is not in ShotGrid any more, so it has no place in AYON");
    }

    private async Task<string> CreateAsync(Node node, string? parentId, ProjectContext context, IAyonProjectIndexGrain index)
    {
        var statuses = StatusMap.From(context.Statuses.Select(s => new AyonStatus(s.Name, s.ShortName, Scope: s.Scope)));
        var taskTypes = context.TaskTypes.ToHashSet(StringComparer.Ordinal);
        // A revived entity the leecher deleted on retirement comes back with its previous AYON id.
        var id = (node.Key == NodeKey ? state.State.DeletedAyonId : null) ?? AyonIds.For(Key.Site, context.AyonProjectName, node.Key);
        var suffixed = $"{node.Name}_sg{node.SgId}";

        // Same policy as the full sync: an entity already there keeps the name, the newcomer gets the suffix.
        var name = await index.IsNameFreeAsync(node.AyonEntityType, parentId, node.Name) ? node.Name : suffixed;
        var result = await SendCreateAsync(node, name, id, parentId, statuses, taskTypes, context);
        var answeredAt = time.GetUtcNow();
        if (result is { Success: true })
        {
            return await RecordAsync(index, node, id, parentId, name, context);
        }

        // Refused: the deterministic id may exist already (a sync or an earlier delivery made it: then it is ours),
        // or the index did not know a sibling that holds the name.
        if (await index.LookupAsync(node.Key, reloadIfLoadedBefore: answeredAt) is { } existing)
        {
            return existing;
        }

        if (name != suffixed && !await index.IsNameFreeAsync(node.AyonEntityType, parentId, node.Name))
        {
            name = suffixed;
            result = await SendCreateAsync(node, name, id, parentId, statuses, taskTypes, context);
            if (result is { Success: true })
            {
                return await RecordAsync(index, node, id, parentId, name, context);
            }
        }

        throw new EntityApplyException($"AYON refused to create {node.AyonEntityType} '{name}' ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
    }

    private async Task<AyonOperationResult?> SendCreateAsync(
        Node node, string name, string id, string? parentId, StatusMap statuses, IReadOnlySet<string> taskTypes, ProjectContext context)
    {
        // Assignees as the full sync sets them on create: linked AYON users only (users are read only when there are any).
        var users = node.Assignees is { Count: > 0 } ? new UserMap(await Index().GetUserLinksAsync()) : null;
        var data = CreateData.For(node, name, AyonNames.Label(node.Label), parentId, statuses, taskTypes, context.DefaultTaskType ?? options.Value.DefaultTaskType, users);
        // Batched with the creates other entity grains of the project send at the same moment.
        return await creates.SendAsync(context.AyonProjectName, new AyonOperation("create", "create", node.AyonEntityType, id, data));
    }

    private async Task<string> RecordAsync(IAyonProjectIndexGrain index, Node node, string id, string? parentId, string name, ProjectContext context)
    {
        await index.RecordAsync(node.Key, id, node.AyonEntityType, parentId, name);
        _justCreated |= node.Key == NodeKey;
        LogCreated(logger, node.Key, context.AyonProjectName, name);
        return id;
    }

    private void Record(string change)
    {
        state.State.RecordedChanges.Add(change);
        if (state.State.RecordedChanges.Count > 20)
        {
            state.State.RecordedChanges.RemoveAt(0);
        }
    }

    /// <summary>Mirrors an applied event into AYON's event log; a duplicate hash means it is already there.</summary>
    private async Task MirrorAsync(EventLogItem e)
    {
        if (!options.Value.MirrorEventsToAyon || state.State.AyonId is null)
        {
            return;
        }

        var context = await Index().GetContextAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"shotgrid.event:{Key.Site}:{e.Id}")));
        await ayon.PostEventAsync(
            new AyonEventRequest(
                "shotgrid.event",
                hash,
                context.AyonProjectName,
                $"ShotGrid event {e.Id}: {e.EventType} {e.EntityType} {e.EntityId}",
                new JsonObject { ["sg_event_id"] = e.Id, ["sg_site"] = Key.Site, ["entityType"] = e.EntityType, ["entityId"] = e.EntityId },
                new JsonObject { ["event_type"] = e.EventType, ["attribute_name"] = e.AttributeName, ["ayon_id"] = state.State.AyonId }),
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {NodeKey} in AYON project '{AyonProject}' as '{Name}'")]
    private static partial void LogCreated(ILogger logger, string nodeKey, string ayonProject, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied ShotGrid change of {Field} on {NodeKey} to AYON project '{AyonProject}': {Change}")]
    private static partial void LogChangeApplied(ILogger logger, string nodeKey, string ayonProject, string field, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "{NodeKey} retired in ShotGrid: AYON entity in '{AyonProject}' {Outcome}")]
    private static partial void LogRetired(ILogger logger, string nodeKey, string ayonProject, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid event {EventId} ({EventType}) could not be applied: {Reason}")]
    private static partial void LogRefused(ILogger logger, long eventId, string eventType, string reason);
}
