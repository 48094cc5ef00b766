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
    private EntityKey Key => EntityKey.Parse(this.GetPrimaryKeyString());

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot) =>
        ApplyCoreAsync(events, snapshot, applyChanges: false);

    Task<EntityApplyResult> IShotGridEntityGrain.ApplyAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges) =>
        ApplyCoreAsync(events, snapshot, applyChanges);

    private async Task<EntityApplyResult> ApplyCoreAsync(IReadOnlyList<EventLogItem> events, EntitySnapshot? snapshot, bool applyChanges)
    {
        // The entity as the project read it for these events; a parent asked for by a child reads itself.
        var item = snapshot is { } read ? EntitySnapshots.ToItem(read, Key.Type, Key.Id) : null;
        var readFromShotGrid = snapshot is not null;
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
                    var outcome = await ApplyOneAsync(e, new ShotGridRead(readFromShotGrid, item), applyChanges);
                    if (outcome == Outcome.Applied)
                    {
                        applied++;
                        state.State.Applied++;
                        await MirrorAsync(e);
                    }
                    else if (outcome == Outcome.GoneInShotGrid && !state.State.ReportedGone)
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
            // Keep what was done even when a server outage interrupts the list; the rest is delivered again.
            await state.WriteStateAsync();
        }

        return new EntityApplyResult(applied, ignored, failed, errors, gone);
    }

    async Task<EntityInAyon> IShotGridEntityGrain.EnsureInAyonAsync()
    {
        // Every child of a new shot asks its parent; writing unchanged state each time made the parent grain a queue.
        var before = state.State.AyonId;
        try
        {
            var ensured = await EnsureAsync(ShotGridRead.NotYet);
            return new EntityInAyon(ensured.AyonId);
        }
        catch (EntityApplyException refused)
        {
            return new EntityInAyon(null, refused.Message);
        }
        finally
        {
            if (state.State.AyonId != before)
            {
                await state.WriteStateAsync();
            }
        }
    }

    async Task IShotGridEntityGrain.RestoreAsync()
    {
        var before = state.State.AyonId;
        try
        {
            await EnsureAsync(ShotGridRead.NotYet);
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

    /// <summary>Applied when the event changed AYON; Ignored when it was deliberately left (recorded, or nothing to do).</summary>
    private async Task<Outcome> ApplyOneAsync(EventLogItem e, ShotGridRead read, bool applyChanges)
    {
        switch (e.Kind)
        {
            case "Retirement":
                state.State.RetiredInShotGrid = true;
                if (applyChanges)
                {
                    return Applied(await RetireAsync(e));
                }

                Record($"event {e.Id}: retired in ShotGrid (AYON entity kept; deletion is not enabled)");
                return Outcome.Ignored;
            case "Revival" when applyChanges && state.State.Deactivated:
                state.State.RetiredInShotGrid = false;
                return Applied(await ReactivateAsync(e));
            case "New":
            case "Revival":
            case "Change":
                if (e.Kind == "Revival")
                {
                    state.State.RetiredInShotGrid = false;
                    if (applyChanges && Key.Type != SyncEntityTypes.Task)
                    {
                        return await ReviveFolderAsync(e, read);
                    }
                }

                if (e.Kind == "Change" && !e.InCreate && applyChanges)
                {
                    // Ensure first: the index may not know yet what a sync made, and a create that finds the entity
                    // already there must still apply the change. One just created from the snapshot has it already.
                    var ensured = await EnsureAsync(read);
                    return ensured.AyonId is not { } id ? ensured.Outcome
                        : ensured.JustCreated ? Outcome.Applied
                        : Applied(await ApplyChangeAsync(e, read.Item, id));
                }

                var existed = state.State.AyonId is not null || await Index().LookupAsync(NodeKey, reloadIfLoadedBefore: null) is not null;
                if (existed)
                {
                    if (e.Kind == "Change" && !e.InCreate)
                    {
                        Record($"event {e.Id}: {e.AttributeName} changed in ShotGrid (recorded; updates are not applied in create-only mode)");
                    }

                    await EnsureAsync(read);
                    return Outcome.Ignored;
                }

                return (await EnsureAsync(read)).Outcome;
            default:
                return Outcome.Ignored;
        }
    }

    private static Outcome Applied(bool changedAyon) => changedAyon ? Outcome.Applied : Outcome.Ignored;

    private string NodeKey => NodeKeys.Of(Key.Type, Key.Id);

    /// <summary>
    /// The changed field only, valued by <see cref="EntityMapping"/> as the full sync values it: code/content → label (the
    /// AYON name never changes), status by short code, Step → task type, the placing link → parent move. Other fields are
    /// recorded. What AYON cannot take (a status it does not allow, a move into a taken name) is refused and reported.
    /// </summary>
    private async Task<bool> ApplyChangeAsync(EventLogItem e, SgItem? item, string ayonId)
    {
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
        var attributes = await attributeMaps.RecentAsync(CancellationToken.None);
        var field = EntityMapping.AyonFieldFor(Key.Type, e.AttributeName ?? "", Navchains.From(context.Navchains), attributes);
        var rules = Rules(context, users: null);
        var data = new JsonObject();
        string change;
        switch (field)
        {
            case SyncChangeFields.Label:
                data["label"] = EntityMapping.Label(node);
                change = $"label → '{EntityMapping.Label(node)}'";
                break;
            case SyncChangeFields.Status when node.Status is { Length: > 0 }:
                var status = EntityMapping.Status(node, rules.Statuses, out var whyNot)
                    ?? throw new EntityApplyException($"conflict: {whyNot}; AYON status left as it is");
                data["status"] = status;
                change = $"status → '{status}'";
                break;
            case SyncChangeFields.TaskType:
                var taskType = EntityMapping.TaskType(node, rules);
                data["taskType"] = taskType;
                change = $"task type → '{taskType}'";
                break;
            case SyncChangeFields.Tags when node.Tags is { } tags:
                data["tags"] = CreateData.Strings(tags);
                change = $"tags → [{string.Join(", ", tags)}]";
                break;
            case SyncChangeFields.Assignees when node.Assignees is not null:
                var users = new UserMap(await index.GetUserLinksAsync());
                var unresolved = new List<string>();
                var current = (await ayon.GetTaskAsync(context.AyonProjectName, ayonId, CancellationToken.None))?.Assignees ?? [];
                var wanted = EntityMapping.Assignees(node, users, current, unresolved.Add);
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
            case SyncChangeFields.Parent:
                if (node.SkipReason is not null)
                {
                    throw new EntityApplyException(node.SkipReason);
                }

                var parentId = await ParentIdAsync(item, node, context, index);
                data[EntityMapping.ParentField(node)] = parentId;
                change = $"moved under {(parentId is null ? "the project root" : parentId)}";
                break;
            case { } attrib when attrib.StartsWith(SyncChangeFields.AttribPrefix, StringComparison.Ordinal):
                // The value as the project read it with this poll's snapshot (converted to the AYON type); an empty
                // ShotGrid value is left out there, and AYON keeps what it has, as in override differences.
                var attribute = attrib[SyncChangeFields.AttribPrefix.Length..];
                if (node.Attrib?.GetValueOrDefault(attribute) is not { } value)
                {
                    var why = item.AttribNotes is { Count: > 0 } notes ? string.Join("; ", notes) : "empty in ShotGrid, AYON keeps its value";
                    Record($"event {e.Id}: {e.AttributeName} changed; attribute {attribute} not written ({why})");
                    return false;
                }

                data["attrib"] = new JsonObject { [attribute] = value.DeepClone() };
                change = $"attribute {attribute} → {ResolvedAttributeMap.Text(value)}";
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

    /// <summary>The mapping rules of the project as the index knows it (the same facts the full sync reads).</summary>
    private MappingRules Rules(ProjectContext context, UserMap? users) => new(
        StatusMap.From(context.Statuses.Select(s => new AyonStatus(s.Name, s.ShortName, Scope: s.Scope))),
        context.TaskTypes.ToHashSet(StringComparer.Ordinal),
        context.DefaultTaskType ?? options.Value.DefaultTaskType,
        DuplicateNamePolicies.Parse(context.DuplicateNamePolicy),
        Users: users);

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
    private async Task<Outcome> ReviveFolderAsync(EventLogItem e, ShotGridRead read)
    {
        // A child's change may have brought it back already (ShotGrid sends the children's changes first).
        var ensured = await EnsureAsync(read);
        if (ensured.AyonId is not { } id)
        {
            return ensured.Outcome;
        }

        var context = await Index().GetContextAsync();
        var project = new SgProjectInfo(Key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        var taskIds = await reader.ReadTaskIdsOfAsync(project, Key.Type, Key.Id, CancellationToken.None);
        foreach (var taskId in taskIds)
        {
            await GrainFactory.GetGrain<IShotGridEntityGrain>(Key.GrainKeyOf(SyncEntityTypes.Task, taskId)).RestoreAsync();
        }

        Record($"event {e.Id}: revived in ShotGrid; AYON folder {id} is back, {taskIds.Count} of its tasks asked to come back");
        return Outcome.Applied;
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

    private IAyonProjectIndexGrain Index() => GrainFactory.GetGrain<IAyonProjectIndexGrain>(GrainKeys.AyonIndex(Key.Site, Key.ProjectId));

    /// <summary>
    /// The AYON id of this entity, creating it (and its parents, read from ShotGrid) when AYON lacks it; no id when it
    /// cannot exist in AYON (gone from ShotGrid). Throws <see cref="EntityApplyException"/> when it is not placed.
    /// </summary>
    private async Task<Ensured> EnsureAsync(ShotGridRead read)
    {
        var index = Index();
        if (state.State.AyonId is { } known)
        {
            var indexed = await index.LookupAsync(NodeKey, reloadIfLoadedBefore: null);
            if (indexed == known)
            {
                return new Ensured(known, JustCreated: false);
            }

            if (indexed is not null)
            {
                state.State.AyonId = indexed;
                return new Ensured(indexed, JustCreated: false);
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
            return new Ensured(found, JustCreated: false);
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(Key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        // The project read this entity together with the others of its poll; a parent asked for by a child reads itself.
        var item = read.Done
            ? read.Item
            : await reader.ReadItemAsync(project, Key.Type, Key.Id, CancellationToken.None, await attributeMaps.RecentAsync(CancellationToken.None));
        if (item is null)
        {
            // Retired again, or never readable: nothing to create.
            return new Ensured(null, JustCreated: false);
        }

        state.State.ReportedGone = false;

        var node = Node.FromItem(item);
        if ((node.Unreadable ?? node.SkipReason) is { } why)
        {
            throw new EntityApplyException(why);
        }

        var parentId = await ParentIdAsync(item, node, context, index);
        var (id, created) = await PlaceAsync(node, parentId, context, index);
        state.State.AyonId = id;
        state.State.DeletedAyonId = null;
        state.State.CreateFailed = false;
        return new Ensured(id, created);
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
            return await index.LookupAsync(category.Key, reloadIfLoadedBefore: null) ?? (await PlaceAsync(category, null, context, index)).Id;
        }

        var parent = item.Parent!;
        // A parent AYON already has (made by the sync or the leecher, and indexed) is answered by the index; asking the
        // parent's grain is for parents that may have to be created, and it serialises every sibling behind one grain.
        if (await index.LookupAsync(node.ParentKey, reloadIfLoadedBefore: null) is { } known)
        {
            return known;
        }

        var parentGrain = GrainFactory.GetGrain<IShotGridEntityGrain>(Key.GrainKeyOf(parent.Type, parent.Id));
        var inAyon = await parentGrain.EnsureInAyonAsync();
        return inAyon.AyonId ?? throw new EntityApplyException(inAyon.WhyNot is { } why
            ? $"its parent {parent.Type} {parent.Id} is not in AYON: {why}"
            : $"its parent {parent.Type} {parent.Id} is not in ShotGrid any more, so it has no place in AYON");
    }

    /// <summary>
    /// Creates the node in AYON, or links the AYON entity of its name, as <see cref="EntityMapping.Place"/> decides: the
    /// rule of the full sync. A refusal is looked at once more after the index reloaded: the deterministic id may exist
    /// already (a sync or an earlier delivery made it: then it is ours), or a sibling the index did not know holds the name.
    /// </summary>
    private async Task<(string Id, bool Created)> PlaceAsync(Node node, string? parentId, ProjectContext context, IAyonProjectIndexGrain index)
    {
        // Assignees as the full sync sets them on create: linked AYON users only (users are read only when there are any).
        var rules = Rules(context, node.Assignees is { Count: > 0 } ? new UserMap(await index.GetUserLinksAsync()) : null);
        var placement = await DecideAsync(node, parentId, rules, index);
        var attempt = await TryAsync(placement, node, parentId, rules, context, index);
        if (attempt.Id is { } done)
        {
            return (done, attempt.Created);
        }

        if (await index.LookupAsync(node.Key, reloadIfLoadedBefore: attempt.AnsweredAt) is { } existing)
        {
            return (existing, false);
        }

        var second = await DecideAsync(node, parentId, rules, index);
        if (second != placement)
        {
            attempt = await TryAsync(second, node, parentId, rules, context, index);
            if (attempt.Id is { } retried)
            {
                return (retried, attempt.Created);
            }
        }

        throw new EntityApplyException(attempt.Refusal!);
    }

    private static async Task<Placement> DecideAsync(Node node, string? parentId, MappingRules rules, IAyonProjectIndexGrain index)
    {
        var holders = await index.NameHoldersAsync(node.AyonEntityType, parentId, EntityMapping.CandidateNames(node));
        return EntityMapping.Place(node, name => holders.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)), rules.DuplicatePolicy);
    }

    private async Task<Attempt> TryAsync(Placement placement, Node node, string? parentId, MappingRules rules, ProjectContext context, IAyonProjectIndexGrain index)
    {
        switch (placement)
        {
            case Placement.Skip skip:
                throw new EntityApplyException(skip.Reason);
            case Placement.Link { Existing: var unlinked }:
                var linked = await SendOneAsync(context, new AyonOperation("link", "update", node.AyonEntityType, unlinked.AyonId, EntityMapping.LinkData(node)));
                if (linked is { Success: true })
                {
                    await index.RecordAsync(node.Key, unlinked.AyonId, node.AyonEntityType, parentId, unlinked.Name, unlinked.Type);
                    Record($"AYON {node.AyonEntityType} '{unlinked.Name}' existed without a ShotGrid link; linked it to {node.Key}");
                    LogLinked(logger, node.Key, context.AyonProjectName, unlinked.Name);
                    return new Attempt(unlinked.AyonId, false, time.GetUtcNow(), null);
                }

                return new Attempt(null, false, time.GetUtcNow(), $"AYON refused to link {node.AyonEntityType} '{unlinked.Name}' ({linked?.Status} {linked?.ErrorCode}): {linked?.Detail ?? "no detail"}");
            case Placement.Create { Name: var name }:
                // A revived entity the leecher deleted on retirement comes back with its previous AYON id.
                var id = (node.Key == NodeKey ? state.State.DeletedAyonId : null) ?? AyonIds.For(Key.Site, context.AyonProjectName, node.Key);
                var data = EntityMapping.CreateData(node, name, parentId, rules);
                // Batched with the creates other entity grains of the project send at the same moment.
                var result = await creates.SendAsync(context.AyonProjectName, new AyonOperation("create", "create", node.AyonEntityType, id, data));
                var answeredAt = time.GetUtcNow();
                if (result is { Success: true })
                {
                    await index.RecordAsync(node.Key, id, node.AyonEntityType, parentId, name, node.AyonEntityType == "task" ? data["taskType"]!.GetValue<string>() : node.AyonFolderType);
                    LogCreated(logger, node.Key, context.AyonProjectName, name);
                    return new Attempt(id, node.Key == NodeKey, answeredAt, null);
                }

                return new Attempt(null, false, answeredAt, $"AYON refused to create {node.AyonEntityType} '{name}' ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
            default:
                throw new InvalidOperationException("unknown placement");
        }
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

    /// <summary>What this grain's own read of ShotGrid gave for the events being applied; NotYet: it reads when it needs to.</summary>
    private readonly record struct ShotGridRead(bool Done, SgItem? Item)
    {
        public static ShotGridRead NotYet => new(false, null);
    }

    /// <summary>The entity's AYON id (null: gone from ShotGrid) and whether this call created it.</summary>
    private readonly record struct Ensured(string? AyonId, bool JustCreated)
    {
        public Outcome Outcome => AyonId is null ? Outcome.GoneInShotGrid : Outcome.Applied;
    }

    private readonly record struct Attempt(string? Id, bool Created, DateTimeOffset AnsweredAt, string? Refusal);

    private enum Outcome
    {
        Applied,
        Ignored,
        GoneInShotGrid,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {NodeKey} to the unlinked AYON entity '{Name}' of the same name in project '{AyonProject}'")]
    private static partial void LogLinked(ILogger logger, string nodeKey, string ayonProject, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {NodeKey} in AYON project '{AyonProject}' as '{Name}'")]
    private static partial void LogCreated(ILogger logger, string nodeKey, string ayonProject, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied ShotGrid change of {Field} on {NodeKey} to AYON project '{AyonProject}': {Change}")]
    private static partial void LogChangeApplied(ILogger logger, string nodeKey, string ayonProject, string field, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "{NodeKey} retired in ShotGrid: AYON entity in '{AyonProject}' {Outcome}")]
    private static partial void LogRetired(ILogger logger, string nodeKey, string ayonProject, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShotGrid event {EventId} ({EventType}) could not be applied: {Reason}")]
    private static partial void LogRefused(ILogger logger, long eventId, string eventType, string reason);
}
