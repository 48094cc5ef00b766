using System.Net;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Sync;

/// <summary>Reads a ShotGrid project and its hierarchy with only the fields the sync needs, in large pages.</summary>
public sealed class ShotGridProjectReader(IShotGridClient shotGrid, IOptions<ShotGridOptions> sgOptions, IOptions<SyncOptions> syncOptions)
{
    private const string StatusField = "sg_status_list";

    public async Task<SgProjectInfo> ReadProjectAsync(long projectId, CancellationToken cancellationToken)
    {
        var codeField = sgOptions.Value.ProjectCodeField;
        var record = await shotGrid.FindOneAsync(SyncEntityTypes.Project, projectId, ["name", codeField, "tracking_settings", "sg_ayon_auto_sync"], cancellationToken)
            ?? throw new ShotGridException($"ShotGrid project {projectId} does not exist (or is retired).", HttpStatusCode.NotFound, 104);
        return ToInfo(record, codeField);
    }

    public static SgProjectInfo ToInfo(SgRecord record, string codeField) => new(
        record.Id,
        record.GetString("name") ?? $"Project {record.Id}",
        record.GetString(codeField),
        Navchains.FromTrackingSettings(record.GetAttribute("tracking_settings")),
        record.GetBool("sg_ayon_auto_sync"));

    /// <summary>Every Episode, Sequence, Scene, Shot, Asset and Task of the project. Types the site does not have are left out.</summary>
    public async Task<IReadOnlyList<SgItem>> ReadItemsAsync(SgProjectInfo project, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var items = new List<SgItem>();
        foreach (var type in SyncEntityTypes.FolderEntities)
        {
            progress?.Report($"reading ShotGrid {type} entities");
            var parentField = project.Navchains.ParentField(type);
            List<string> fields = ["code", StatusField];
            if (type == SyncEntityTypes.Asset)
            {
                fields.Add("sg_asset_type");
            }
            else if (parentField is not null)
            {
                fields.Add(parentField);
            }

            var records = await SearchTypeAsync(type, project.Id, fields, cancellationToken);
            items.AddRange(records.Select(r => new SgItem(
                type,
                r.Id,
                r.GetString("code") ?? "",
                type == SyncEntityTypes.Asset || parentField is null ? null : r.GetLink(parentField),
                type == SyncEntityTypes.Asset ? r.GetString("sg_asset_type") : null,
                null,
                r.GetString(StatusField))));
        }

        progress?.Report("reading ShotGrid Task entities");
        var tasks = await SearchTypeAsync(SyncEntityTypes.Task, project.Id, ["content", StatusField, "entity", "step", "step.Step.code"], cancellationToken);
        items.AddRange(tasks.Select(r => new SgItem(
            SyncEntityTypes.Task,
            r.Id,
            r.GetString("content") ?? "",
            r.GetLink("entity"),
            null,
            r.GetString("step.Step.code") ?? r.GetLink("step")?.Name,
            r.GetString(StatusField))));
        return items;
    }

    /// <summary>Reads one entity the way <see cref="ReadItemsAsync"/> would, or null when it is missing/retired.</summary>
    public async Task<SgItem?> ReadItemAsync(SgProjectInfo project, string type, long id, CancellationToken cancellationToken)
    {
        if (type == SyncEntityTypes.Task)
        {
            var t = await shotGrid.FindOneAsync(type, id, ["content", StatusField, "entity", "step", "step.Step.code", "project"], cancellationToken);
            return t is null ? null : new SgItem(type, id, t.GetString("content") ?? "", t.GetLink("entity"), null, t.GetString("step.Step.code") ?? t.GetLink("step")?.Name, t.GetString(StatusField));
        }

        var parentField = project.Navchains.ParentField(type);
        List<string> fields = ["code", StatusField, "project"];
        if (type == SyncEntityTypes.Asset)
        {
            fields.Add("sg_asset_type");
        }
        else if (parentField is not null)
        {
            fields.Add(parentField);
        }

        var r = await shotGrid.FindOneAsync(type, id, fields, cancellationToken);
        return r is null
            ? null
            : new SgItem(type, id, r.GetString("code") ?? "", type == SyncEntityTypes.Asset || parentField is null ? null : r.GetLink(parentField),
                type == SyncEntityTypes.Asset ? r.GetString("sg_asset_type") : null, null, r.GetString(StatusField));
    }

    private async Task<IReadOnlyList<SgRecord>> SearchTypeAsync(string type, long projectId, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, projectId));
        try
        {
            return await shotGrid.SearchAllAsync(type, filter, fields, cancellationToken, sort: "id", pageSize: syncOptions.Value.PageSize);
        }
        catch (ShotGridException e) when (e.Status == HttpStatusCode.NotFound && e.Code == 103)
        {
            // The site does not have this entity type enabled (Scene and Episode are optional in ShotGrid).
            return [];
        }
    }
}
