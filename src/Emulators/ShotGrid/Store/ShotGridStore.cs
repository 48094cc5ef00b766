using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// The in-memory ShotGrid site. Thread-safe (one lock); every write appends the EventLogEntry rows the REST write would.
/// Entity ids come from one site-wide sequence, so ids of different types never collide.
/// </summary>
public sealed partial class ShotGridStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<long, EntityRow>> _rows = new(StringComparer.Ordinal);

    /// <summary>Each type's rows in id order (ids only ascend, rows are never removed): a query starts at its id bound.</summary>
    private readonly Dictionary<string, List<EntityRow>> _inIdOrder = new(StringComparer.Ordinal);
    private readonly EventLog _events = new();
    private readonly TimeProvider _time;
    private long _lastEntityId = 100;

    public ShotGridStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Schema = new SchemaCatalog();
        foreach (var def in Schema.All)
        {
            _rows[def.Type] = [];
            _inIdOrder[def.Type] = [];
        }

        var adminId = CreateCore(Schema.Require("HumanUser"), new()
        {
            ["login"] = "admin", ["name"] = "Emulator Admin", ["firstname"] = "Emulator", ["lastname"] = "Admin",
            ["email"] = "admin@emulator.invalid",
        }, null).Id;
        DefaultActor = new StoreActor("HumanUser", adminId);
    }

    internal SchemaCatalog Schema { get; }

    internal TimeProvider Time => _time;

    /// <summary>The seeded HumanUser "Emulator Admin", the default author of store-API writes.</summary>
    public StoreActor DefaultActor { get; }

    /// <summary>Highest event id visible to queries (0 when none).</summary>
    public long NewestEventId
    {
        get
        {
            lock (_lock)
            {
                return _events.NewestPublishedId;
            }
        }
    }

    /// <summary>Snapshot of the published rows, id ascending.</summary>
    public IReadOnlyList<EventLogRow> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.Published];
            }
        }
    }

    public long CreateProject(string name, string? code = null, Dictionary<string, object?>? extra = null)
    {
        var fields = new Dictionary<string, object?>(extra ?? []) { ["name"] = name };
        if (code is not null)
        {
            fields["code"] = code;
        }

        if (!fields.ContainsKey("tracking_settings"))
        {
            fields["tracking_settings"] = DefaultTrackingSettings();
        }

        return Create("Project", fields);
    }

    public long Create(string entityType, Dictionary<string, object?> fields, StoreActor? actor = null)
    {
        var def = Schema.Require(entityType);
        return Locked(() => CreateCore(def, ConvertClr(def, fields, "create"), actor ?? DefaultActor).Id);
    }

    public void Update(string entityType, long id, Dictionary<string, object?> fields, StoreActor? actor = null)
    {
        var def = Schema.Require(entityType);
        Locked(() => UpdateCore(def, id, ConvertClr(def, fields, "update"), actor ?? DefaultActor));
    }

    /// <summary>
    /// Appends an EventLogEntry a buggy script or a hostile site could leave: <paramref name="entity"/> and
    /// <paramref name="meta"/> are read back exactly as given (any JSON, or null). Returns the event id.
    /// </summary>
    public long AppendRawEvent(string eventType, long? projectId, JsonNode? entity, JsonNode? meta, StoreActor? actor = null)
    {
        long id = 0;
        Locked(() =>
        {
            id = _events.Allocate();
            var raw = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["entity"] = entity?.DeepClone(), ["meta"] = meta?.DeepClone() };
            _events.Append(new EventLogRow(id, eventType, null, "", 0, projectId, actor ?? DefaultActor, _time.GetUtcNow(), [], raw));
        });
        return id;
    }

    public void Retire(string entityType, long id, StoreActor? actor = null)
    {
        var def = Schema.Require(entityType);
        Locked(() => RetireCore(def, id, actor ?? DefaultActor));
    }

    public void Revive(string entityType, long id, StoreActor? actor = null)
    {
        var def = Schema.Require(entityType);
        Locked(() => ReviveCore(def, id, actor ?? DefaultActor));
    }

    /// <summary>A copy of the stored fields (links as EntityLink / List&lt;EntityLink&gt;), or null if missing or retired.</summary>
    public IReadOnlyDictionary<string, object?>? Get(string entityType, long id)
    {
        lock (_lock)
        {
            var row = FindRow(entityType, id);
            if (row is null || row.Retired)
            {
                return null;
            }

            // Every schema field is present (null / empty list when unset) so callers can index without TryGetValue.
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in row.Def.Fields.Values)
            {
                copy[field.Name] = field.DataType == "multi_entity" ? new List<EntityLink>() : null;
            }

            copy["id"] = row.Id;
            copy["type"] = row.Type;
            foreach (var (k, v) in row.Fields)
            {
                copy[k] = v switch
                {
                    List<EntityLink> l => l.ToList(),
                    JsonNode n => n.DeepClone(),
                    _ => v,
                };
            }

            return copy;
        }
    }

    /// <summary>Merges <paramref name="navchains"/> into the project's <c>tracking_settings.navchains</c> (written like a REST update).</summary>
    public void SetNavchains(long projectId, Dictionary<string, string> navchains)
    {
        lock (_lock)
        {
            var row = FindRow("Project", projectId) ?? throw new ArgumentException($"Project {projectId} does not exist.", nameof(projectId));
            var settings = (row.Fields.GetValueOrDefault("tracking_settings") as JsonObject)?.DeepClone() as JsonObject ?? DefaultTrackingSettings();
            var chains = settings["navchains"] as JsonObject ?? [];
            settings["navchains"] = chains;
            foreach (var (type, value) in navchains)
            {
                chains[type] = value;
            }

            UpdateCore(row.Def, projectId, new() { ["tracking_settings"] = settings }, DefaultActor);
        }
    }

    /// <summary>Extends <c>Asset.sg_asset_type</c>'s valid values.</summary>
    public void AddAssetTypes(params string[] values)
    {
        lock (_lock)
        {
            var field = Schema.Require("Asset").Fields["sg_asset_type"];
            foreach (var v in values.Where(v => !field.ValidValues!.Contains(v)))
            {
                field.ValidValues!.Add(v);
            }
        }
    }

    /// <summary>
    /// Opens a "transaction" on the current async flow: event ids of writes made on this flow are allocated now but become
    /// visible only when the returned handle is disposed (later writes elsewhere get higher, already-visible ids).
    /// </summary>
    public IDisposable BeginLateCommit()
    {
        lock (_lock)
        {
            return _events.Begin(scope =>
            {
                lock (_lock)
                {
                    _events.Commit(scope);
                }
            });
        }
    }

    /// <summary>Burns event ids that will never appear (a rolled-back transaction).</summary>
    public void AllocatePermanentHole(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _events.Burn(count);
        }
    }

    internal IReadOnlyDictionary<string, long> StepIds()
    {
        lock (_lock)
        {
            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var row in _rows["Step"].Values.Where(r => !r.Retired))
            {
                ids.TryAdd(row.Fields.GetValueOrDefault("code") as string ?? "", row.Id);
            }

            return ids;
        }
    }

    internal static JsonObject DefaultTrackingSettings() => new()
    {
        ["navchains"] = new JsonObject
        {
            ["Asset"] = "sg_asset_type", ["Shot"] = "sg_sequence", ["Sequence"] = "__flat__",
            ["Episode"] = "__flat__", ["Scene"] = "__flat__",
        },
    };

    /// <summary>Runs <paramref name="action"/> under the store lock (the HTTP layer writes its response inside it).</summary>
    internal T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    private void Locked(Action action)
    {
        lock (_lock)
        {
            action();
        }
    }

    internal Dictionary<string, object?> ConvertJson(EntityDef def, JsonObject body, string op)
    {
        var converted = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in body)
        {
            var field = def.Fields.GetValueOrDefault(name)
                ?? throw ShotGridRequestException.BadRequest($"API {op}() {def.Type}.{name} doesn't exist.", new JsonObject());
            converted[name] = ValueConverter.FromJson(def, field, value);
        }

        return converted;
    }

    private Dictionary<string, object?> ConvertClr(EntityDef def, Dictionary<string, object?> fields, string op)
    {
        var converted = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            var field = def.Fields.GetValueOrDefault(name)
                ?? throw ShotGridRequestException.BadRequest($"API {op}() {def.Type}.{name} doesn't exist.", new JsonObject());
            converted[name] = ValueConverter.FromClr(def, field, value);
        }

        return converted;
    }

    internal EntityRow? FindRow(string type, long id) =>
        _rows.TryGetValue(type, out var rows) ? rows.GetValueOrDefault(id) : null;

    internal bool IsLive(string type, long id) => FindRow(type, id) is { Retired: false };
}
