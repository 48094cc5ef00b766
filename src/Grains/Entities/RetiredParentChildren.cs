using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Entities;

/// <summary>
/// Before a retired folder is deleted in AYON, its live children leave it. ShotGrid keeps a retired entity's children
/// (a retired sequence's shots, a retired episode's sequences) and their link to it reads empty from then on, so the
/// full sync places them where the mapping puts an entity without that parent; AYON would delete them with the folder,
/// products and versions included. Each child is read again from ShotGrid and moved where <see cref="EntityMapping"/>
/// places it now, with AYON's <c>force</c>, since AYON refuses to move a folder with published versions otherwise.
/// Children ShotGrid retired too go with the folder, and so do its tasks (their entity link reads empty, and the full
/// sync leaves such tasks out as well; a revival asks them back, <see cref="EntityLifecycle.ReviveFolderAsync"/>); on revival the entities ShotGrid
/// links to the revived one again go back under it.
/// </summary>
public sealed partial class RetiredParentChildren(
    IAyonClient ayon, IShotGridClient shotGrid, EntityPlacer placer, ShotGridProjectReader reader, AttributeMapSource attributeMaps,
    IOptions<SyncOptions> options, ILogger<RetiredParentChildren> logger)
{
    /// <summary>
    /// Moves the live ShotGrid children of the AYON folder <paramref name="ayonId"/> out of it; returns how many moved. A
    /// child ShotGrid retired as well goes with the folder, but its own live children leave too: whichever of the two
    /// retirements is applied first, the delete of the upper folder must not take them along.
    /// </summary>
    internal async Task<int> MoveOutAsync(EntityKey key, string ayonId, IAyonProjectIndexGrain index, Action<string> record)
    {
        var moved = 0;
        var leaving = new Queue<string>([ayonId]);
        while (leaving.TryDequeue(out var folder))
        {
            var children = await index.LinkedChildFoldersAsync(folder);
            var (placed, retired) = await PlaceAgainAsync(key, [.. children.Select(c => (c.Key!, c.AyonId))], index, record);
            moved += placed;
            retired.ForEach(leaving.Enqueue);
        }

        return moved;
    }

    /// <summary>
    /// After a revival: the entities ShotGrid links to the revived one again (read through the project's navchain fields
    /// whose valid types include it) are placed again as the mapping says, which is under it unless ShotGrid moved them.
    /// Those AYON does not have are left to their next event.
    /// </summary>
    internal async Task<int> MoveBackAsync(EntityKey key, IAyonProjectIndexGrain index, Action<string> record)
    {
        var context = await index.GetContextAsync();
        var navchains = Navchains.From(context.Navchains);
        var links = SyncEntityTypes.FolderEntities.Select(t => (Type: t, Field: navchains.ParentField(t))).Where(l => l.Field is not null).ToList();
        var schema = await reader.ReadSchemaAsync(links.Select(l => l.Type), CancellationToken.None);
        var children = new List<(string, string)>();
        foreach (var (type, field) in links)
        {
            if (schema.GetValueOrDefault(type)?.GetValueOrDefault(field!) is not { } f || !f.ValidTypes.Contains(key.Type, StringComparer.Ordinal))
            {
                continue;
            }

            var filter = SgFilter.And()
                .Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, key.ProjectId))
                .Where(field!, "is", new SgEntityRef(key.Type, key.Id));
            foreach (var linked in await shotGrid.SearchAllByIdAsync(type, filter, ["id"], options.Value.PageSize, CancellationToken.None))
            {
                if (await index.LookupAsync(NodeKeys.Of(type, linked.Id), reloadIfLoadedBefore: null) is { } id)
                {
                    children.Add((NodeKeys.Of(type, linked.Id), id));
                }
            }
        }

        return (await PlaceAgainAsync(key, children, index, record)).Placed;
    }

    /// <summary>Moves each child where the mapping places it now; returns how many moved, and the AYON ids of those ShotGrid no longer has.</summary>
    private async Task<(int Placed, List<string> Retired)> PlaceAgainAsync(EntityKey key, IReadOnlyList<(string NodeKey, string AyonId)> children, IAyonProjectIndexGrain index, Action<string> record)
    {
        if (children.Count == 0)
        {
            return (0, []);
        }

        var context = await index.GetContextAsync();
        var project = new SgProjectInfo(key.ProjectId, context.AyonProjectName, null, Navchains.From(context.Navchains), null);
        var attributes = await attributeMaps.RecentAsync(CancellationToken.None);
        var (placed, retired) = (0, new List<string>());
        foreach (var byType in children.Select(c => (c.NodeKey, c.AyonId, Sg: ParseKey(c.NodeKey))).Where(c => c.Sg is not null).GroupBy(c => c.Sg!.Value.Type))
        {
            var items = await reader.ReadItemsAsync(project, byType.Key, byType.Select(c => c.Sg!.Value.Id).ToList(), CancellationToken.None, attributes);
            foreach (var (nodeKey, ayonId, sg) in byType)
            {
                if (items.GetValueOrDefault(sg!.Value.Id) is not { } item)
                {
                    retired.Add(ayonId);
                }
                else if (await MoveAsync(key with { Type = item.Type, Id = item.Id }, nodeKey, ayonId, item, context, index, record))
                {
                    placed++;
                }
            }
        }

        return (placed, retired);
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
