using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Writes records in the REST shape: scalars (and dotted fields, under their literal key) in <c>attributes</c>, links only in
/// <c>relationships</c> with <c>name</c> added, <c>relationships</c> <c>{}</c> when no link was asked. Unknown fields are dropped.
/// </summary>
internal sealed class RecordWriter(ShotGridStore store, ResponseReplacements replacements)
{
    public const string Prefix = "/api/v1";

    /// <param name="fields">null = every field (<c>*</c>).</param>
    /// <param name="createFormat">Create responses format dates as "yyyy-MM-dd HH:mm:ss UTC" (a quirk of the real API).</param>
    public JsonObject Write(IRecordView record, EntityDef def, IReadOnlyList<string>? fields, bool createFormat = false)
    {
        var attributes = new JsonObject();
        var relationships = new JsonObject();
        var selfLink = $"{Prefix}/entity/{def.Slug}/{record.Id}";
        foreach (var name in fields ?? def.Fields.Keys.ToList())
        {
            if (name is "id" or "type")
            {
                continue;
            }

            if (name.Contains('.', StringComparison.Ordinal))
            {
                WriteDotted(record, def, name, attributes);
                continue;
            }

            if (!def.Fields.TryGetValue(name, out var field))
            {
                continue;
            }

            var value = record.Get(name);
            if (value is RawValue raw)
            {
                if (field.DataType is "entity" or "multi_entity")
                {
                    relationships[name] = new JsonObject { ["data"] = raw.Node?.DeepClone() };
                }
                else
                {
                    attributes[name] = raw.Node?.DeepClone();
                }
            }
            else if (field.DataType == "entity")
            {
                var link = value is EntityLink l && store.IsLive(l.Type, l.Id) ? l : null;
                var links = new JsonObject { ["self"] = $"{selfLink}/relationships/{name}" };
                if (link is not null)
                {
                    links["related"] = $"{Prefix}/entity/{SchemaCatalog.ToSlug(link.Type)}/{link.Id}";
                }

                relationships[name] = new JsonObject { ["data"] = link is null ? null : LinkJson(link), ["links"] = links };
            }
            else if (field.DataType == "multi_entity")
            {
                var list = (value as List<EntityLink> ?? []).Where(l => store.IsLive(l.Type, l.Id)).Select(l => (JsonNode?)LinkJson(l)).ToArray();
                relationships[name] = new JsonObject
                {
                    ["data"] = new JsonArray(list), ["links"] = new JsonObject { ["self"] = $"{selfLink}/relationships/{name}" },
                };
            }
            else
            {
                attributes[name] = Scalar(value, createFormat);
            }
        }

        var written = new JsonObject
        {
            ["type"] = def.Type, ["attributes"] = attributes, ["relationships"] = relationships, ["id"] = record.Id,
            ["links"] = new JsonObject { ["self"] = selfLink },
        };
        if (!replacements.IsEmpty && replacements.For(def.Type, record.Id) is { } replaced)
        {
            Replace(written, def, fields, replaced);
        }

        return written;
    }

    /// <summary>Applies a test's raw replacements (see <see cref="ShotGridFaults.ReplaceInResponses"/>).</summary>
    private static void Replace(JsonObject written, EntityDef def, IReadOnlyList<string>? fields, IReadOnlyDictionary<string, JsonNode?> replaced)
    {
        foreach (var (name, raw) in replaced)
        {
            if (name is "id" or "type")
            {
                written[name] = raw?.DeepClone();
            }
            else if (fields is not null && !fields.Contains(name))
            {
                continue;
            }
            else if (def.Fields.TryGetValue(name, out var field) && field.DataType is "entity" or "multi_entity")
            {
                written["relationships"]![name] = new JsonObject { ["data"] = raw?.DeepClone() };
            }
            else
            {
                written["attributes"]![name] = raw?.DeepClone();
            }
        }
    }

    public JsonObject LinkJson(EntityLink link) => new() { ["id"] = link.Id, ["name"] = store.NameOf(link), ["type"] = link.Type };

    private void WriteDotted(IRecordView record, EntityDef def, string path, JsonObject attributes)
    {
        var steps = FieldPaths.Resolve(store.Schema, def, path, out _, out _);
        // Through a multi_entity a dotted field filters but reads back absent, like the real API.
        if (steps is null || steps.Take(steps.Count - 1).Any(s => s.Field.DataType == "multi_entity"))
        {
            return;
        }

        var values = new List<object?>(1);
        FieldPaths.Collect(store, record, steps, 0, values);
        attributes[path] = values[0] switch
        {
            EntityLink l => store.IsLive(l.Type, l.Id) ? LinkJson(l) : null,
            List<EntityLink> list => new JsonArray(list.Where(l => store.IsLive(l.Type, l.Id)).Select(l => (JsonNode?)LinkJson(l)).ToArray()),
            var v => Scalar(v, false),
        };
    }

    private static JsonNode? Scalar(object? value, bool createFormat) => value switch
    {
        null => null,
        DateTimeOffset d => createFormat
            ? MetaValues.FormatDate(d)
            : d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        JsonNode n => n.DeepClone(),
        string s => s,
        long n => n,
        double d => d,
        bool b => b,
        _ => value.ToString(),
    };
}
