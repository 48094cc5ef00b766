using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>One ShotGrid create: the AYON entity it stands for and the record's fields.</summary>
public sealed record PushCreate(string AyonId, string SgType, string Name, JsonObject Data);

/// <summary>
/// Builds the creates of a round from the AYON entities that have no ShotGrid entity. Folders go level by level (each
/// level's parent links are known once the level above was created); tasks last. Asset categories are not ShotGrid
/// entities: an Asset under one gets its name as <c>sg_asset_type</c>.
/// </summary>
public sealed class PushCreatePlan(PushCatalog catalog, PushEntities entities, List<SyncIssue> issues)
{
    /// <summary>One function per depth, evaluated when that level is sent (after the level above got its ShotGrid ids).</summary>
    public IEnumerable<Func<IReadOnlyList<PushCreate>>> FolderLevels()
    {
        var missing = entities.Folders.Values
            .Where(f => !entities.Refs.ContainsKey(f.Id) && PushTargets.ShotGridType(f.FolderType) is not null)
            .GroupBy(entities.Depth)
            .OrderBy(g => g.Key);
        foreach (var level in missing)
        {
            yield return () => level.Select(Folder).OfType<PushCreate>().ToList();
        }
    }

    public IReadOnlyList<PushCreate> Tasks() =>
        entities.Tasks.Values.Where(t => !entities.Refs.ContainsKey(t.Id)).Select(Task).OfType<PushCreate>().ToList();

    private PushCreate? Folder(Ayon.AyonFolder folder)
    {
        var sgType = PushTargets.ShotGridType(folder.FolderType)!;
        var name = folder.Label ?? folder.Name;
        var data = Base(sgType, folder.Id, name, folder.Status);
        var parent = folder.ParentId is { } p ? entities.Folders.GetValueOrDefault(p) : null;
        if (sgType == SyncEntityTypes.Asset)
        {
            if (parent is { FolderType: SyncEntityTypes.AssetCategory })
            {
                data["sg_asset_type"] = parent.Label ?? parent.Name;
            }

            return new PushCreate(folder.Id, sgType, name, data);
        }

        if (catalog.Navchains.ParentField(sgType) is { } field && parent is not null)
        {
            if (PushTargets.ShotGridType(parent.FolderType) is not null && !entities.Refs.ContainsKey(parent.Id))
            {
                issues.Add(new SyncIssue("failed", sgType, 0, name, $"its parent '{parent.Label ?? parent.Name}' is not in ShotGrid"));
                return null;
            }

            if (entities.Refs.GetValueOrDefault(parent.Id) is { } parentRef && (PushTargets.LinkTarget(field) is null || PushTargets.LinkTarget(field) == parentRef.Type))
            {
                data[field] = Link(parentRef);
            }
        }

        return new PushCreate(folder.Id, sgType, name, data);
    }

    private PushCreate? Task(Ayon.AyonTask task)
    {
        var name = task.Label ?? task.Name;
        if (!entities.Refs.TryGetValue(task.FolderId, out var parentRef))
        {
            issues.Add(new SyncIssue("skipped", SyncEntityTypes.Task, 0, name, "its folder is not a ShotGrid entity (or was not created)"));
            return null;
        }

        var data = Base(SyncEntityTypes.Task, task.Id, name, task.Status);
        data["entity"] = Link(parentRef);
        if (catalog.StepsByCode.TryGetValue(task.TaskType, out var stepId))
        {
            data["step"] = Link(new SgEntityRef(SyncEntityTypes.Step, stepId));
        }
        else
        {
            issues.Add(new SyncIssue("adjusted", SyncEntityTypes.Task, 0, name, $"task type '{task.TaskType}' has no ShotGrid Pipeline Step: created without a step"));
        }

        return new PushCreate(task.Id, SyncEntityTypes.Task, name, data);
    }

    private JsonObject Base(string sgType, string ayonId, string name, string? status)
    {
        var data = new JsonObject
        {
            ["project"] = Link(catalog.Project),
            [PushTargets.NameField(sgType)] = name,
            [PushTargets.AyonIdField] = ayonId,
        };
        if (catalog.SgStatus(sgType, status) is { } code)
        {
            data["sg_status_list"] = code;
        }

        return data;
    }

    private static JsonObject Link(SgEntityRef r) => new() { ["type"] = r.Type, ["id"] = r.Id };
}
