using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Before a retired folder is deleted in AYON, its live children leave it. ShotGrid keeps a retired entity's children
/// (a retired sequence's shots, a retired episode's sequences) and their link to it reads empty from then on, so the
/// full sync places them where the mapping puts an entity without that parent; AYON would delete them with the folder,
/// products and versions included. Each child is read again from ShotGrid and moved where <see cref="EntityMapping"/>
/// places it now, with AYON's <c>force</c>, since AYON refuses to move a folder with published versions otherwise.
/// Children ShotGrid retired too (a retired entity's tasks) are left to go with the folder.
/// </summary>
public sealed partial class RetiredParentChildren(
    IAyonClient ayon, EntityPlacer placer, ShotGridProjectReader reader, AttributeMapSource attributeMaps, ILogger<RetiredParentChildren> logger)
{
    /// <summary>
    /// Moves the live ShotGrid children of the AYON folder <paramref name="ayonId"/> out of it; returns the node keys of
    /// those moved, which the entity keeps to ask them back when it is revived.
    /// </summary>
    internal async Task<IReadOnlyList<string>> MoveOutAsync(EntityKey key, string ayonId, IAyonProjectIndexGrain index, Action<string> record)
    {
        var children = await index.LinkedChildFoldersAsync(ayonId);
        return await PlaceAgainAsync(key, [.. children.Select(c => (c.Key!, c.AyonId))], index, record);
    }

    /// <summary>
    /// After a revival: the children moved out on retirement are placed again as the mapping says, which is under the
    /// revived folder again unless ShotGrid moved them meanwhile. Children AYON no longer has are left to their next event.
    /// </summary>
    internal async Task<int> MoveBackAsync(EntityKey key, IReadOnlyList<string> nodeKeys, IAyonProjectIndexGrain index, Action<string> record)
    {
        var children = new List<(string, string)>();
        foreach (var nodeKey in nodeKeys)
        {
            if (await index.LookupAsync(nodeKey, reloadIfLoadedBefore: null) is { } id)
            {
                children.Add((nodeKey, id));
            }
        }

        return (await PlaceAgainAsync(key, children, index, record)).Count;
    }

    private async Task<IReadOnlyList<string>> PlaceAgainAsync(EntityKey key, IReadOnlyList<(string NodeKey, string AyonId)> children, IAyonProjectIndexGrain index, Action<string> record)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        var attributes = await attributeMaps.RecentAsync(CancellationToken.None);
        var moved = new List<string>();
        foreach (var byType in children.Select(c => (c.NodeKey, c.AyonId, Sg: ParseKey(c.NodeKey))).Where(c => c.Sg is not null).GroupBy(c => c.Sg!.Value.Type))
        {
            var items = await reader.ReadItemsAsync(project, byType.Key, byType.Select(c => c.Sg!.Value.Id).ToList(), CancellationToken.None, attributes);
            foreach (var (nodeKey, ayonId, sg) in byType)
            {
                // Not readable: retired in ShotGrid as well, so it goes with its parent, as it would in a full sync.
                if (items.GetValueOrDefault(sg!.Value.Id) is { } item
                    && await MoveAsync(key with { Type = item.Type, Id = item.Id }, nodeKey, ayonId, item, context, index, record))
                {
                    moved.Add(nodeKey);
                }
            }
        }

        return moved;
    }

    private async Task<bool> MoveAsync(EntityKey child, string nodeKey, string ayonId, SgItem item, ProjectContext context, IAyonProjectIndexGrain index, Action<string> record)
    {
        var node = EntityMapping.Arrange(Node.FromItem(item), context.Hierarchy ?? HierarchyPreset.Flat);
        if ((node.Unreadable ?? node.SkipReason) is { } why)
        {
            record($"{nodeKey} could not be placed again ({why})");
            return false;
        }

        string? parentId;
        try
        {
            parentId = await placer.ParentIdAsync(child, item, node, context, index);
        }
        catch (EntityApplyException refused)
        {
            record($"{nodeKey} has no place in AYON now ({refused.Message})");
            return false;
        }

        var move = new JsonObject { [EntityMapping.ParentField(node)] = parentId };
        var result = await ayon.SendOneAsync(context.AyonProjectName, new AyonOperation("place-again", "update", "folder", ayonId, move, Force: true));
        if (result is not { Success: true })
        {
            // Most likely a sibling holds its name at the new place. On retirement the parent's delete then keeps
            // products safe (AYON answers 409 and the parent is only deactivated).
            record($"{nodeKey}: AYON refused to move folder {ayonId} ({result?.Status} {result?.ErrorCode}): {result?.Detail ?? "no detail"}");
            return false;
        }

        await index.RecordMoveAsync(ayonId, parentId);
        record($"{nodeKey}: folder {ayonId} moved under {parentId ?? "the project root"}, where ShotGrid places it now");
        LogMoved(logger, nodeKey, context.AyonProjectName, parentId ?? "the project root");
        return true;
    }

    private static (string Type, long Id)? ParseKey(string nodeKey)
    {
        var colon = nodeKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(nodeKey[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (nodeKey[..colon], id)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{NodeKey} placed again after its parent was retired or revived, in AYON project '{AyonProject}', under {Parent}")]
    private static partial void LogMoved(ILogger logger, string nodeKey, string ayonProject, string parent);
}
