using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Applies one ShotGrid field change to the AYON entity of an entity grain (the leecher's applyChanges mode). Stateless:
/// the grain passes who it is, the event, the entity as read, and where to record what it did.
/// </summary>
public sealed partial class EntityChangeApplier(IAyonClient ayon, AttributeMapSource attributeMaps, EntityPlacer placer, ILogger<EntityChangeApplier> logger)
{
    /// <summary>
    /// The changed field only, valued by <see cref="EntityMapping"/> as the full sync values it: code/content → label (the
    /// AYON name never changes), status by short code, Step → task type, the placing link → parent move. Other fields are
    /// recorded. What AYON cannot take (a status it does not allow, a move into a taken name) is refused and reported.
    /// </summary>
    internal async Task<bool> ApplyAsync(EntityKey key, EventLogItem e, SgItem? item, string ayonId, IAyonProjectIndexGrain index, Action<string> record)
    {
        if (item is null)
        {
            record($"event {e.Id}: {e.AttributeName} changed, but the entity is not readable in ShotGrid any more");
            return false;
        }

        var node = Node.FromItem(item);
        if (node.Unreadable is { } unreadable)
        {
            throw new EntityApplyException(unreadable);
        }

        var context = await index.GetContextAsync();
        var attributes = await attributeMaps.RecentAsync(CancellationToken.None);
        var field = EntityMapping.AyonFieldFor(key.Type, e.AttributeName ?? "", Navchains.From(context.Navchains), attributes);
        var rules = placer.Rules(context, users: null);
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
                    record($"event {e.Id}: {reason}");
                }

                if (UserMap.SameSet(current, wanted))
                {
                    record($"event {e.Id}: task_assignees changed; AYON assignees [{string.Join(", ", current)}] already match");
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

                // A ShotGrid move lands where the project's hierarchy preset puts the new parent (a grouping folder for the top).
                var parentId = await placer.ParentIdAsync(key, item, EntityMapping.Arrange(node, context.Hierarchy ?? HierarchyPreset.Flat), context, index);
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
                    record($"event {e.Id}: {e.AttributeName} changed; attribute {attribute} not written ({why})");
                    return false;
                }

                data["attrib"] = new JsonObject { [attribute] = value.DeepClone() };
                change = $"attribute {attribute} → {ResolvedAttributeMap.Text(value)}";
                break;
            default:
                record($"event {e.Id}: {e.AttributeName} changed in ShotGrid (recorded; not a field the sync maps)");
                return false;
        }

        var response = await ayon.SendOperationsAsync(context.AyonProjectName, [new AyonOperation("update", "update", node.AyonEntityType, ayonId, data)], canFail: false, CancellationToken.None);
        var result = response.Operations.FirstOrDefault();
        if (!(result?.Success ?? response.Success))
        {
            throw new EntityApplyException($"conflict: AYON refused the {e.AttributeName} change ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
        }

        record($"event {e.Id}: {e.AttributeName} applied: {change}");
        LogChangeApplied(logger, NodeKeys.Of(key.Type, key.Id), context.AyonProjectName, e.AttributeName ?? "", change);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied ShotGrid change of {Field} on {NodeKey} to AYON project '{AyonProject}': {Change}")]
    private static partial void LogChangeApplied(ILogger logger, string nodeKey, string ayonProject, string field, string change);
}
