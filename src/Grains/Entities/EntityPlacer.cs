using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Puts an entity grain's entity into AYON: its parent chain (asking parents' grains to create themselves), then a create
/// or a link as <see cref="EntityMapping.Place"/> decides, the rule of the full sync. Stateless: the grain passes who it is.
/// </summary>
public sealed partial class EntityPlacer(
    IGrainFactory grains, IAyonClient ayon, AyonCreateBatcher creates, ShotGridProjectReader reader, AttributeMapSource attributeMaps,
    IOptions<SyncOptions> options, TimeProvider time, ILogger<EntityPlacer> logger)
{
    /// <summary>
    /// The AYON id of this entity, creating it (and its parents, read from ShotGrid) when AYON lacks it; no id when it
    /// cannot exist in AYON (gone from ShotGrid). Throws <see cref="EntityApplyException"/> when it is not placed.
    /// </summary>
    internal async Task<Ensured> EnsureAsync(EntityKey key, ShotGridEntityGrainState state, ShotGridRead read, IAyonProjectIndexGrain index)
    {
        if (state.AyonId is { } known)
        {
            var indexed = await index.LookupAsync(NodeKeys.Of(key.Type, key.Id), reloadIfLoadedBefore: null);
            if (indexed == known)
            {
                return new Ensured(known, JustCreated: false);
            }

            if (indexed is not null)
            {
                state.AyonId = indexed;
                return new Ensured(indexed, JustCreated: false);
            }

            // AYON no longer has it although this entity was never retired here: it went with a deleted parent (AYON
            // deletes a folder's subtree) or a person deleted it. It is created again, with the same id.
            state.AyonId = null;
            state.DeletedAyonId = known;
            state.Deactivated = false;
        }

        // Known to the index (loaded from AYON when it activated, or recorded since)? Creating is tried otherwise; a
        // refused create then reloads the index once, which finds entities a sync or a person made meanwhile.
        if (await index.LookupAsync(NodeKeys.Of(key.Type, key.Id), reloadIfLoadedBefore: null) is { } found)
        {
            state.AyonId = found;
            return new Ensured(found, JustCreated: false);
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        // The project read this entity together with the others of its poll; a parent asked for by a child reads itself.
        var item = read.Done
            ? read.Item
            : await reader.ReadItemAsync(project, key.Type, key.Id, CancellationToken.None, await attributeMaps.RecentAsync(CancellationToken.None));
        if (item is null)
        {
            // Retired again, or never readable: nothing to create.
            return new Ensured(null, JustCreated: false);
        }

        state.ReportedGone = false;

        var node = EntityMapping.Arrange(Node.FromItem(item), Preset(context));
        if ((node.Unreadable ?? node.SkipReason) is { } why)
        {
            throw new EntityApplyException(why);
        }

        var parentId = await ParentIdAsync(key, item, node, context, index);
        // A revived entity the leecher deleted on retirement comes back with its previous AYON id.
        var (id, created) = await PlaceAsync(key, node, parentId, state.DeletedAyonId, context, index);
        state.AyonId = id;
        state.DeletedAyonId = null;
        state.CreateFailed = false;
        return new Ensured(id, created);
    }

    /// <summary>The mapping rules of the project as the index knows it (the same facts the full sync reads).</summary>
    internal MappingRules Rules(ProjectContext context, UserMap? users) => new(
        StatusMap.From(context.Statuses.Select(s => new AyonStatus(s.Name, s.ShortName, Scope: s.Scope))),
        context.TaskTypes.ToHashSet(StringComparer.Ordinal),
        context.DefaultTaskType ?? options.Value.DefaultTaskType,
        DuplicateNamePolicies.Parse(context.DuplicateNamePolicy),
        Users: users,
        Hierarchy: context.Hierarchy);

    private static HierarchyPreset Preset(ProjectContext context) => context.Hierarchy ?? HierarchyPreset.Flat;

    internal async Task<string?> ParentIdAsync(EntityKey key, SgItem item, Node node, ProjectContext context, IAyonProjectIndexGrain index)
    {
        if (node.ParentKey is null)
        {
            return null;
        }

        if (item.Type == SyncEntityTypes.Asset && !string.IsNullOrWhiteSpace(item.AssetType))
        {
            var category = EntityMapping.Arrange(Node.Category(item.AssetType), Preset(context));
            return await index.LookupAsync(category.Key, reloadIfLoadedBefore: null)
                ?? (await PlaceAsync(key, category, await GroupIdAsync(key, category, context, index), null, context, index)).Id;
        }

        if (EntityMapping.GroupOf(node, Preset(context)) is { } group && group.Key == node.ParentKey)
        {
            return await GroupIdAsync(key, node, context, index);
        }

        var parent = item.Parent!;
        // A parent AYON already has (made by the sync or the leecher, and indexed) is answered by the index; asking the
        // parent's grain is for parents that may have to be created, and it serialises every sibling behind one grain.
        if (await index.LookupAsync(node.ParentKey, reloadIfLoadedBefore: null) is { } known)
        {
            return known;
        }

        var parentGrain = grains.GetGrain<IShotGridEntityGrain>(key.GrainKeyOf(parent.Type, parent.Id));
        var inAyon = await parentGrain.EnsureInAyonAsync();
        return inAyon.AyonId ?? throw new EntityApplyException(inAyon.WhyNot is { } why
            ? $"its parent {parent.Type} {parent.Id} is not in AYON: {why}"
            : $"its parent {parent.Type} {parent.Id} is not in ShotGrid any more, so it has no place in AYON");
    }

    /// <summary>The AYON id of the grouping folder the preset puts a top-level node under (created at the root when missing); null when it has none.</summary>
    private async Task<string?> GroupIdAsync(EntityKey key, Node node, ProjectContext context, IAyonProjectIndexGrain index)
    {
        if (EntityMapping.GroupOf(node, Preset(context)) is not { } group || group.Key != node.ParentKey)
        {
            return null;
        }

        return await index.LookupAsync(group.Key, reloadIfLoadedBefore: null) ?? (await PlaceAsync(key, group, null, null, context, index)).Id;
    }

    /// <summary>
    /// Creates the node in AYON, or links the AYON entity of its name, as <see cref="EntityMapping.Place"/> decides: the
    /// rule of the full sync. A refusal is looked at once more after the index reloaded: the deterministic id may exist
    /// already (a sync or an earlier delivery made it: then it is ours), or a sibling the index did not know holds the name.
    /// </summary>
    internal async Task<(string Id, bool Created)> PlaceAsync(EntityKey key, Node node, string? parentId, string? previousId, ProjectContext context, IAyonProjectIndexGrain index)
    {
        // Assignees as the full sync sets them on create: linked AYON users only (users are read only when there are any).
        var rules = Rules(context, node.Assignees is { Count: > 0 } ? new UserMap(await index.GetUserLinksAsync()) : null);
        var placement = await DecideAsync(node, parentId, rules, index);
        var attempt = await TryAsync(key, placement, node, parentId, previousId, rules, context, index);
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
            attempt = await TryAsync(key, second, node, parentId, previousId, rules, context, index);
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

    private async Task<Attempt> TryAsync(EntityKey key, Placement placement, Node node, string? parentId, string? previousId, MappingRules rules, ProjectContext context, IAyonProjectIndexGrain index)
    {
        switch (placement)
        {
            case Placement.Skip skip:
                throw new EntityApplyException(skip.Reason);
            case Placement.Link { Existing: var unlinked }:
                var linked = await ayon.SendOneAsync(context.AyonProjectName, new AyonOperation("link", "update", node.AyonEntityType, unlinked.AyonId, EntityMapping.LinkData(node)));
                if (linked is { Success: true })
                {
                    await index.RecordAsync(node.Key, unlinked.AyonId, node.AyonEntityType, parentId, unlinked.Name, unlinked.Type);
                    LogLinked(logger, node.Key, context.AyonProjectName, unlinked.Name);
                    return new Attempt(unlinked.AyonId, false, time.GetUtcNow(), null);
                }

                return new Attempt(null, false, time.GetUtcNow(), $"AYON refused to link {node.AyonEntityType} '{unlinked.Name}' ({linked?.Status} {linked?.ErrorCode}): {linked?.Detail ?? "no detail"}");
            case Placement.Create { Name: var name }:
                // A revived entity the leecher deleted on retirement comes back with its previous AYON id.
                var id = previousId ?? AyonIds.For(key.Site, context.AyonProjectName, node.Key);
                var data = EntityMapping.CreateData(node, name, parentId, rules);
                // Batched with the creates other entity grains of the project send at the same moment.
                var result = await creates.SendAsync(context.AyonProjectName, new AyonOperation("create", "create", node.AyonEntityType, id, data));
                var answeredAt = time.GetUtcNow();
                if (result is { Success: true })
                {
                    await index.RecordAsync(node.Key, id, node.AyonEntityType, parentId, name, node.AyonEntityType == "task" ? data["taskType"]!.GetValue<string>() : node.AyonFolderType);
                    LogCreated(logger, node.Key, context.AyonProjectName, name);
                    return new Attempt(id, true, answeredAt, null);
                }

                return new Attempt(null, false, answeredAt, $"AYON refused to create {node.AyonEntityType} '{name}' ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
            default:
                throw new InvalidOperationException("unknown placement");
        }
    }

    private readonly record struct Attempt(string? Id, bool Created, DateTimeOffset AnsweredAt, string? Refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {NodeKey} to the unlinked AYON entity '{Name}' of the same name in project '{AyonProject}'")]
    private static partial void LogLinked(ILogger logger, string nodeKey, string ayonProject, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {NodeKey} in AYON project '{AyonProject}' as '{Name}'")]
    private static partial void LogCreated(ILogger logger, string nodeKey, string ayonProject, string name);
}
