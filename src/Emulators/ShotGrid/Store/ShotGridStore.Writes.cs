using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

// Write paths shared by the store API and REST. Callers hold the lock; values are already converted.
public sealed partial class ShotGridStore
{
    internal EntityRow CreateCore(EntityDef def, Dictionary<string, object?> values, StoreActor? actor)
    {
        CheckCreate(def, values, null);
        var row = new EntityRow(def, ++_lastEntityId);
        var populated = new List<string>();
        foreach (var (name, value) in values)
        {
            var stored = value is MultiEntityWrite m ? (m.Mode == "remove" ? [] : m.Links.Distinct().ToList()) : value;
            row.Fields[name] = stored;
            if (name != "project" && !IsEmpty(stored))
            {
                populated.Add(name);
            }
        }

        foreach (var field in def.Fields.Values.Where(f => f.DefaultValue is not null && !values.ContainsKey(f.Name)))
        {
            row.Fields[field.Name] = field.DefaultValue;
            if (field.DataType != "checkbox" && !field.ReadOnly)
            {
                populated.Add(field.Name);
            }
        }

        if (def.IdentityField is "code" or "content" or "name" && row.Fields.GetValueOrDefault(def.IdentityField) is null)
        {
            row.Fields[def.IdentityField] = $"New {SchemaCatalog.ToWords(def.Type)} {row.Id}";
            populated.Add(def.IdentityField);
        }

        if (def.Type == "Project" && row.Fields.GetValueOrDefault("tracking_settings") is null)
        {
            // Every real project has navchains; a sync reads them to build its hierarchy.
            row.Fields["tracking_settings"] = DefaultTrackingSettings();
        }

        var now = Now();
        var by = actor is null ? null : new EntityLink(actor.Type, actor.Id);
        object boxedNow = now;
        row.Fields["created_at"] = boxedNow;
        row.Fields["updated_at"] = boxedNow;
        row.Fields["created_by"] = by;
        row.Fields["updated_by"] = by;
        row.Fields["cached_display_name"] = row.DisplayName;
        _rows[def.Type][row.Id] = row;
        _inIdOrder[def.Type].Add(row);

        var reverse = new Dictionary<string, BackReference>(StringComparer.Ordinal);
        foreach (var (name, value) in row.Fields)
        {
            if (value is EntityLink link && LinkReverse(row, name, null, link) is { } back)
            {
                reverse[name] = back;
            }
        }

        if (ShouldLog(actor))
        {
            foreach (var name in populated)
            {
                var field = def.Fields[name];
                var meta = ChangeMeta(row, field, null, row.Fields[name], inCreate: true);
                var changeId = Emit(row, $"Shotgun_{def.Type}_Change", name, actor, meta, now);
                if (reverse.GetValueOrDefault(name) is { } back)
                {
                    EmitBackReference(back, changeId, inCreate: true, actor, now);
                }
            }

            Emit(row, $"Shotgun_{def.Type}_New", null, actor,
                new JsonObject { ["type"] = "new_entity", ["entity_type"] = def.Type, ["entity_id"] = row.Id }, now);
        }

        return row;
    }

    internal EntityRow UpdateCore(EntityDef def, long id, Dictionary<string, object?> values, StoreActor? actor)
    {
        var row = RequireWritable(def, id, "update", null);
        Validate(def, values, "update", null);
        var now = Now();
        var changed = false;
        foreach (var (name, value) in values)
        {
            var field = def.Fields[name];
            var old = row.Fields.GetValueOrDefault(name);
            object? updated = value;
            if (value is MultiEntityWrite m)
            {
                var current = old as List<EntityLink> ?? [];
                updated = m.Mode switch
                {
                    "add" => current.Concat(m.Links).Distinct().ToList(),
                    "remove" => current.Except(m.Links).ToList(),
                    _ => m.Links.Distinct().ToList(),
                };
            }

            if (SameValue(old, updated))
            {
                continue;
            }

            row.Fields[name] = updated;
            changed = true;
            var back = field.DataType == "entity" ? LinkReverse(row, name, old as EntityLink, updated as EntityLink) : null;
            if (ShouldLog(actor))
            {
                var changeId = Emit(row, $"Shotgun_{def.Type}_Change", name, actor, ChangeMeta(row, field, old, updated, inCreate: false), now);
                if (back is not null)
                {
                    EmitBackReference(back, changeId, inCreate: false, actor, now);
                }
            }
        }

        if (changed)
        {
            row.Fields["updated_at"] = now;
            row.Fields["updated_by"] = actor is null ? null : new EntityLink(actor.Type, actor.Id);
            row.Fields["cached_display_name"] = row.DisplayName;
        }

        return row;
    }

    internal void RetireCore(EntityDef def, long id, StoreActor? actor)
    {
        var row = RequireWritable(def, id, "delete", null);
        row.Retired = true;
        var now = Now();
        if (ShouldLog(actor))
        {
            var date = MetaValues.FormatDate(now);
            Emit(row, $"Shotgun_{def.Type}_Retirement", null, actor, new JsonObject
            {
                ["type"] = "entity_retirement", ["class_name"] = def.Type, ["display_name"] = row.DisplayName,
                ["entity_id"] = row.Id, ["entity_type"] = def.Type, ["id"] = row.Id, ["retirement_date"] = date,
            }, now);
            Emit(row, $"Shotgun_{def.Type}_Change", "retirement_date", actor, RetirementChange(row, null, date), now);
        }
    }

    /// <summary>Returns false when the row exists but was not retired (nothing to do).</summary>
    internal bool ReviveCore(EntityDef def, long id, StoreActor? actor)
    {
        var row = FindRow(def.Type, id) ?? throw NotFoundForWrite(def, id);
        if (!row.Retired)
        {
            return false;
        }

        row.Retired = false;
        var now = Now();
        if (ShouldLog(actor))
        {
            var retiredOn = _events.Published.LastOrDefault(e => e.EntityId == id && e.EventType.EndsWith("_Retirement", StringComparison.Ordinal))?.Meta["retirement_date"]?.DeepClone();
            Emit(row, $"Shotgun_{def.Type}_Change", "retirement_date", actor, RetirementChange(row, retiredOn, null), now);
            Emit(row, $"Shotgun_{def.Type}_Revival", null, actor, new JsonObject
            {
                ["type"] = "entity_revival", ["class_name"] = def.Type, ["display_name"] = row.DisplayName,
                ["entity_id"] = row.Id, ["entity_type"] = def.Type, ["id"] = row.Id,
            }, now);
        }

        return true;
    }

    private static ShotGridRequestException NotFoundForWrite(EntityDef def, long id) =>
        new(404, 104, "Not Found", $"Entity of type [{def.Type}] with id={id} does not exist.");

    /// <summary>Refuses a create before anything is written (a batch checks every request this way first).</summary>
    /// <param name="retiredEarlier">Rows an earlier request of the same batch deletes: links to them are not legal.</param>
    private void CheckCreate(EntityDef def, Dictionary<string, object?> values, IReadOnlySet<EntityLink>? retiredEarlier)
    {
        if (def.Type == "EventLogEntry")
        {
            throw new ShotGridRequestException(400, 104, "API create() CRUD ERROR #3: Create for EventLogEntry is not allowed in the emulator.");
        }

        Validate(def, values, "create", retiredEarlier);
        if (def.ProjectScoped && values.GetValueOrDefault("project") is not EntityLink)
        {
            throw ShotGridRequestException.BadRequest(
                $"API create() missing 'project' attribute: {new JsonObject(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value?.ToString())))}");
        }
    }

    /// <summary>The live row an update or delete acts on. Event rows are read-only: real ShotGrid refuses by permission rule (400).</summary>
    private EntityRow RequireWritable(EntityDef def, long id, string op, IReadOnlySet<EntityLink>? retiredEarlier)
    {
        if (def.Type == "EventLogEntry")
        {
            throw op == "delete"
                ? new ShotGridRequestException(400, 104,
                    "Entity of type EventLogEntry can not be deleted by this user. Rule: API Admin -- PermissionRule 297: DENY retire_entity FOR entity_type => EventLogEntry")
                : new ShotGridRequestException(400, 104,
                    "The field is not editable for this user: [EventLogEntry.meta]. Rule: API Admin -- PermissionRule 306: DENY update_field FOR entity_type => EventLogEntry, field_name => meta");
        }

        var row = FindRow(def.Type, id);
        if (row is null || row.Retired || retiredEarlier?.Contains(new EntityLink(def.Type, id)) == true)
        {
            throw NotFoundForWrite(def, id);
        }

        return row;
    }

    private void Validate(EntityDef def, Dictionary<string, object?> values, string op, IReadOnlySet<EntityLink>? retiredEarlier)
    {
        foreach (var (name, value) in values)
        {
            var field = def.Fields.GetValueOrDefault(name)
                ?? throw ShotGridRequestException.BadRequest($"API {op}() {def.Type}.{name} doesn't exist.", new JsonObject());
            if (field.ReadOnly)
            {
                throw new ShotGridRequestException(400, 104, $"API {op}() {def.Type}.{name} is read only.");
            }

            switch (value)
            {
                case string s when field.DataType is "list" or "status_list" && !field.ValidValues!.Contains(s):
                    var kind = field.DataType == "status_list" ? "status" : "list value";
                    throw new ShotGridRequestException(400, 104,
                        $"Update failed for [{def.Type}.{name}]: '{s}' is not a valid {kind}. Valid {kind}es: {string.Join(", ", field.ValidValues!.Select(v => $"'{v}'"))}");
                case EntityLink link:
                    CheckLink(def, field, link, retiredEarlier);
                    break;
                case MultiEntityWrite multi:
                    multi.Links.ForEach(l => CheckLink(def, field, l, retiredEarlier));
                    break;
            }
        }
    }

    private void CheckLink(EntityDef def, FieldDef field, EntityLink link, IReadOnlySet<EntityLink>? retiredEarlier)
    {
        if (!field.ValidTypes!.Contains(link.Type) || !IsLive(link.Type, link.Id) || retiredEarlier?.Contains(link) == true)
        {
            throw new ShotGridRequestException(400, 104, $"Update failed for [{def.Type}.{field.Name}]: Value is not legal.");
        }
    }

    private bool ShouldLog(StoreActor? actor) =>
        actor is not { Type: "ApiUser" } || FindRow("ApiUser", actor.Id)?.Fields.GetValueOrDefault("generate_event_log_entries") is not false;

    private long Emit(EntityRow row, string eventType, string? attribute, StoreActor? actor, JsonObject meta, DateTimeOffset at)
    {
        var id = _events.Allocate();
        // Interned: a few distinct names, repeated on millions of rows.
        _events.Append(new EventLogRow(id, string.Intern(eventType), attribute, row.Type, row.Id, row.ProjectId, actor, at, meta));
        return id;
    }

    private JsonObject ChangeMeta(EntityRow row, FieldDef field, object? old, object? updated, bool inCreate)
    {
        var meta = new JsonObject
        {
            ["type"] = "attribute_change", ["attribute_name"] = field.Name, ["entity_type"] = row.Type, ["entity_id"] = row.Id,
            ["field_data_type"] = field.DataType,
        };
        if (field.DataType == "multi_entity")
        {
            var before = old as List<EntityLink> ?? [];
            var after = updated as List<EntityLink> ?? [];
            meta["added"] = new JsonArray(after.Except(before).Select(l => (JsonNode?)MetaLink(l, false)).ToArray());
            meta["removed"] = new JsonArray(before.Except(after).Select(l => (JsonNode?)MetaLink(l, false)).ToArray());
        }
        else
        {
            meta["old_value"] = MetaValues.ToNode(old, MetaLink);
            meta["new_value"] = MetaValues.ToNode(updated, MetaLink);
        }

        if (inCreate)
        {
            meta["in_create"] = true;
        }

        meta["platform_id"] = null;
        return meta;
    }

    // Exactly these keys on a real site: no field_data_type, unlike every other attribute change (sgcache 2015; sg-groundtruth 049).
    private static JsonObject RetirementChange(EntityRow row, JsonNode? old, JsonNode? updated) => new()
    {
        ["type"] = "attribute_change", ["attribute_name"] = "retirement_date", ["entity_type"] = row.Type, ["entity_id"] = row.Id,
        ["old_value"] = old, ["new_value"] = updated,
    };

    internal string? NameOf(EntityLink link) => FindRow(link.Type, link.Id)?.DisplayName;

    private JsonObject MetaLink(EntityLink link, bool withValid) =>
        FindRow(link.Type, link.Id) is { } row
            ? MetaValues.Link(link, row.DisplayName, row.Status, row.Uuid, withValid)
            : MetaValues.Link(link, null, null, null, withValid);

    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static bool IsEmpty(object? value) => value is null or List<EntityLink> { Count: 0 } or MultiEntityWrite { Links.Count: 0 };

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (List<EntityLink> x, List<EntityLink> y) => x.SequenceEqual(y),
        (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
        _ => Equals(a, b),
    };
}
