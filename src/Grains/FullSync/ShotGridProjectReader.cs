using System.Net;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>Reads a ShotGrid project and its hierarchy with only the fields the sync needs, in large pages.</summary>
public sealed class ShotGridProjectReader(IShotGridClient shotGrid, IOptions<ShotGridOptions> sgOptions, IOptions<SyncOptions> syncOptions)
{
    /// <summary>
    /// The full sync's reads of the whole project, at most <see cref="SyncOptions.ShotGridConcurrency"/> at once in this
    /// silo (the reader is one per silo, so several jobs share the bound).
    /// </summary>
    private readonly GatedShotGridClient _bulk = new(shotGrid, new SemaphoreSlim(syncOptions.Value.ShotGridConcurrency));

    /// <summary>
    /// Task ranges read ahead of the one being taken, per place of the request bound: enough to keep every place busy,
    /// no more. With 3 per place, 48 ranges (about 43,000 of 80,000 tasks) were read and held while the folders' creates
    /// went out, most of the sync's live heap; the writes, not the reads, bound the sync then.
    /// </summary>
    private const int TaskRangesAhead = 1;

    private const string StatusField = "sg_status_list";
    private const string AssigneesField = "task_assignees";
    private const string TagsField = "tags";

    /// <summary>A multi-entity field's links, or null when the answer did not carry the field (the site lacks it).</summary>
    private static IReadOnlyList<SgEntityRef>? Links(SgRecord r, string field) => r.Relationships.ContainsKey(field) ? r.GetLinks(field) : null;

    private static IReadOnlyList<string>? TagNames(SgRecord r) =>
        Links(r, TagsField)?.Select(t => t.Name).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();

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
    /// <param name="attributes">Mapped fields to read as well (their values land in <see cref="SgItem.Attrib"/>).</param>
    public async Task<IReadOnlyList<SgItem>> ReadItemsAsync(SgProjectInfo project, IProgress<string>? progress, CancellationToken cancellationToken, ResolvedAttributeMap? attributes = null)
    {
        var types = SyncEntityTypes.FolderEntities.Append(SyncEntityTypes.Task).ToList();
        progress?.Report($"reading ShotGrid {string.Join(", ", types)} entities");
        return await ReadTypesAsync(project, types, cancellationToken, attributes);
    }

    /// <summary>
    /// Every entity of the given types, the types side by side and each large one as several id ranges side by side
    /// (<see cref="ShotGridIdRanges"/>), within the silo's bound on ShotGrid requests. Types asked for first get their
    /// requests in first. Types the site does not have are left out.
    /// </summary>
    public async Task<IReadOnlyList<SgItem>> ReadTypesAsync(SgProjectInfo project, IReadOnlyList<string> types, CancellationToken cancellationToken, ResolvedAttributeMap? attributes = null)
    {
        // On the thread pool: called from a grain, the parsing of every page would otherwise share the grain's one thread.
        var perType = await Task.WhenAll(types.Select(type => Task.Run(
            () => SearchTypeAsync(type, project.Id, FieldsFor(type, project.Navchains, attributes),
                r => WithAttributes(ToItem(type, r, project.Navchains), r, attributes), cancellationToken),
            cancellationToken)));

        return [.. perType.SelectMany(items => items)];
    }

    /// <summary>
    /// Every task of the project, handed to <paramref name="take"/> an id range at a time in id order (one call after
    /// another, on the caller's thread), while the next ranges are read; within the silo's bound on ShotGrid requests.
    /// </summary>
    public async Task ReadTasksInOrderAsync(SgProjectInfo project, ResolvedAttributeMap? attributes, Func<IReadOnlyList<SgItem>, Task> take, CancellationToken cancellationToken)
    {
        const string type = SyncEntityTypes.Task;
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, project.Id));
        var options = syncOptions.Value;
        try
        {
            await ShotGridIdRanges.SearchInOrderAsync(
                _bulk, type, filter, FieldsFor(type, project.Navchains, attributes), options.PageSize, TaskRangesAhead * options.ShotGridConcurrency,
                r => WithAttributes(ToItem(type, r, project.Navchains), r, attributes), take, cancellationToken);
        }
        catch (ShotGridException e) when (e.Status == HttpStatusCode.NotFound && e.Code == 103)
        {
            // The site does not have the entity type enabled.
        }
    }

    /// <summary>Reads one entity the way <see cref="ReadItemsAsync"/> would, or null when it is missing/retired.</summary>
    public async Task<SgItem?> ReadItemAsync(SgProjectInfo project, string type, long id, CancellationToken cancellationToken, ResolvedAttributeMap? attributes = null)
    {
        var record = await shotGrid.FindOneAsync(type, id, FieldsFor(type, project.Navchains, attributes), cancellationToken);
        return record is null ? null : WithAttributes(ToItem(type, record, project.Navchains), record, attributes);
    }

    /// <summary>Several entities of one type at once (one query), keyed by id; missing/retired ones are absent.</summary>
    public async Task<IReadOnlyDictionary<long, SgItem>> ReadItemsAsync(SgProjectInfo project, string type, IReadOnlyCollection<long> ids, CancellationToken cancellationToken, ResolvedAttributeMap? attributes = null)
    {
        var filter = SgFilter.And()
            .Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, project.Id))
            .Where("id", "in", ids.ToArray());
        var records = await shotGrid.SearchAllByIdAsync(type, filter, FieldsFor(type, project.Navchains, attributes), syncOptions.Value.PageSize, cancellationToken);
        var items = records.Where(r => r.Id > 0).ToDictionary(r => r.Id, r => WithAttributes(ToItem(type, r, project.Navchains), r, attributes));

        // A record whose id is not an id cannot be matched to the entity asked for: every asked one that did not come
        // back is then reported as unreadable rather than taken for deleted.
        if (records.FirstOrDefault(r => r.Id <= 0) is { } unmatched)
        {
            var why = $"ShotGrid answered a {type} record whose {SgFieldShapes.IdProblem(unmatched)}, so this entity could not be read";
            foreach (var id in ids.Where(id => !items.ContainsKey(id)))
            {
                items[id] = new SgItem(type, id, "", null, null, null, null, Problem: $"{type} {id}: {why}");
            }
        }

        return items;
    }

    /// <summary>Ids of the live tasks linked to an entity (what AYON deleted along with it, when it was deleted).</summary>
    public async Task<IReadOnlyList<long>> ReadTaskIdsOfAsync(SgProjectInfo project, string type, long id, CancellationToken cancellationToken)
    {
        var filter = SgFilter.And()
            .Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, project.Id))
            .Where("entity", "is", new SgEntityRef(type, id));
        var records = await shotGrid.SearchAllByIdAsync(SyncEntityTypes.Task, filter, ["id"], syncOptions.Value.PageSize, cancellationToken);
        return records.Select(r => r.Id).ToList();
    }

    /// <summary>Schema reads through the full sync's request bound, each type once for as long as the result lives.</summary>
    public ShotGridSchemaReads NewSchemaReads() => new(_bulk.GetFieldsAsync);

    /// <summary>The ShotGrid fields of the types whose entities may carry mapped attributes (a type the site lacks: none).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, SgField>>> ReadSchemaAsync(IEnumerable<string> types, CancellationToken cancellationToken, ShotGridSchemaReads? schemas = null)
    {
        // Side by side: against a distant site, one schema read after another was seconds before the first entity read.
        schemas ??= NewSchemaReads();
        var distinct = types.Distinct(StringComparer.Ordinal).ToList();
        var read = await Task.WhenAll(distinct.Select(type => schemas.FieldsOrNullAsync(type, cancellationToken)));
        return distinct.Select((type, i) => (type, schema: read[i] ?? new Dictionary<string, SgField>()))
            .ToDictionary(p => p.type, p => p.schema, StringComparer.Ordinal);
    }

    /// <summary>Only the fields the hierarchy needs: code/content, status, and the one link that places the entity.</summary>

    private static List<string> FieldsFor(string type, Navchains navchains, ResolvedAttributeMap? attributes = null)
    {
        var mapped = attributes?.For(type).Select(a => a.SgField) ?? [];
        if (type == SyncEntityTypes.Task)
        {
            return ["content", StatusField, "entity", "step", "step.Step.code", AssigneesField, TagsField, .. mapped];
        }

        List<string> fields = ["code", StatusField, TagsField, .. mapped];
        if (type == SyncEntityTypes.Asset)
        {
            fields.Add("sg_asset_type");
        }
        else if (navchains.ParentField(type) is { } parentField)
        {
            fields.Add(parentField);
        }

        return fields;
    }

    private static SgItem WithAttributes(SgItem item, SgRecord r, ResolvedAttributeMap? attributes)
    {
        if (attributes is null)
        {
            return item;
        }

        List<string>? notes = null;
        var attrib = attributes.Values(item.Type, r, note => (notes ??= []).Add(note));
        return item with { Attrib = attrib, AttribNotes = notes };
    }

    private static SgItem ToItem(string type, SgRecord r, Navchains navchains) => Problem(type, r, navchains) is { } problem
        ? new SgItem(type, r.Id, r.GetString(type == SyncEntityTypes.Task ? "content" : "code") ?? "", null, null, null, null, Problem: problem)
        : ReadItem(type, r, navchains);

    /// <summary>The first field the item is built from whose type is wrong, as "Shot 123: field 'code' is a number (42), expected text".</summary>
    private static string? Problem(string type, SgRecord r, Navchains navchains)
    {
        var problem = type == SyncEntityTypes.Task
            ? SgFieldShapes.First(
                SgFieldShapes.IdProblem(r), SgFieldShapes.TextProblem(r, "content"), SgFieldShapes.TextProblem(r, StatusField),
                SgFieldShapes.LinkProblem(r, "entity"), SgFieldShapes.LinkProblem(r, "step"), SgFieldShapes.TextProblem(r, "step.Step.code"))
            : SgFieldShapes.First(
                SgFieldShapes.IdProblem(r), SgFieldShapes.TextProblem(r, "code"), SgFieldShapes.TextProblem(r, StatusField),
                type == SyncEntityTypes.Asset ? SgFieldShapes.TextProblem(r, "sg_asset_type") : null,
                type != SyncEntityTypes.Asset && navchains.ParentField(type) is { } parentField ? SgFieldShapes.LinkProblem(r, parentField) : null);
        var code = r.GetString(type == SyncEntityTypes.Task ? "content" : "code");
        var who = r.Id > 0 ? $"{type} {r.Id}" : code is null ? $"a {type}" : $"{type} '{code}'";
        if (problem is not null)
        {
            return $"{who}: ShotGrid's {problem}; not synced";
        }

        // ShotGrid leaves a field the type does not have out of its answer: the navchain names a field that does not exist,
        // and taking the entity for one without a parent would put it at the project root without a word.
        return type != SyncEntityTypes.Task && type != SyncEntityTypes.Asset && navchains.ParentField(type) is { } placing
            && !r.Relationships.ContainsKey(placing) && !r.Attributes.ContainsKey(placing)
            ? $"{who}: the project's navchain for {type} ('{navchains.Chain(type)}') names the field '{placing}', which ShotGrid {type} does not have; not synced (fix the project's tracking_settings.navchains)"
            : null;
    }

    private static SgItem ReadItem(string type, SgRecord r, Navchains navchains)
    {
        if (type == SyncEntityTypes.Task)
        {
            return new SgItem(type, r.Id, r.GetString("content") ?? "", r.GetLink("entity"), null, r.GetString("step.Step.code") ?? r.GetLink("step")?.Name, r.GetString(StatusField),
                Assignees: Links(r, AssigneesField), Tags: TagNames(r));
        }

        var isAsset = type == SyncEntityTypes.Asset;
        var parentField = isAsset ? null : navchains.ParentField(type);
        return new SgItem(
            type,
            r.Id,
            r.GetString("code") ?? "",
            parentField is null ? null : r.GetLink(parentField),
            isAsset ? r.GetString("sg_asset_type") : null,
            null,
            r.GetString(StatusField),
            Tags: TagNames(r));
    }

    private async Task<List<SgItem>> SearchTypeAsync(string type, long projectId, IReadOnlyList<string> fields, Func<SgRecord, SgItem> toItem, CancellationToken cancellationToken)
    {
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef(SyncEntityTypes.Project, projectId));
        try
        {
            var options = syncOptions.Value;
            return await ShotGridIdRanges.SearchAllAsync(_bulk, type, filter, fields, options.PageSize, options.ShotGridConcurrency, toItem, cancellationToken);
        }
        catch (ShotGridException e) when (e.Status == HttpStatusCode.NotFound && e.Code == 103)
        {
            // The site does not have this entity type enabled (Scene and Episode are optional in ShotGrid).
            return [];
        }
    }
}
