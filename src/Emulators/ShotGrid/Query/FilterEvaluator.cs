using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Evaluates parsed filters against records. Semantics follow the reference: text/list matching is case-insensitive,
/// numbers accept numeric strings ("1226" == 1226), negations match null rows, multi_entity "is" means "contains".
/// </summary>
internal sealed class FilterEvaluator(ShotGridStore store)
{
    // The value lists of "in" conditions as sets, built on first use: a query tests every candidate row against the same
    // lists (the leecher's event query: 28 event types and the followed projects, for each of thousands of rows).
    private readonly Dictionary<FilterCondition, HashSet<EntityLink>> _linkSets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FilterCondition, HashSet<string>> _textSets = new(ReferenceEqualityComparer.Instance);

    public bool Matches(FilterNode? node, IRecordView record) => node switch
    {
        null => true,
        FilterGroup { Any: true } g => g.Children.Count == 0 || g.Children.Any(c => Matches(c, record)),
        FilterGroup g => g.Children.All(c => Matches(c, record)),
        FilterCondition c => MatchCondition(c, record),
        _ => false,
    };

    private bool MatchCondition(FilterCondition c, IRecordView record)
    {
        if (c.Steps.Count == 1)
        {
            return Match(record.Get(c.Field.Name), c);
        }

        var values = new List<object?>(1);
        FieldPaths.Collect(store, record, c.Steps, 0, values);
        return IsNegation(c.Relation) ? values.All(v => Match(v, c)) : values.Any(v => Match(v, c));
    }

    private static bool IsNegation(string relation) => relation.StartsWith("not_", StringComparison.Ordinal)
        || relation is "is_not" or "type_is_not" or "name_not_contains";

    private bool Match(object? actual, FilterCondition c) => c.Field.DataType switch
    {
        "entity" => MatchLinks(actual is EntityLink l && store.IsLive(l.Type, l.Id) ? [l] : [], c, single: true),
        "multi_entity" => MatchLinks((actual as List<EntityLink> ?? []).Where(l => store.IsLive(l.Type, l.Id)).ToList(), c, single: false),
        _ when c is { Relation: "in", Value: JsonArray list } && actual is string text && c.Field.DataType != "date" => TextSet(c, list).Contains(text.Trim()),
        _ => MatchScalar(actual, c.Relation, c.Value, c.Field.DataType),
    };

    private HashSet<EntityLink> LinkSet(FilterCondition c, JsonArray list)
    {
        if (!_linkSets.TryGetValue(c, out var set))
        {
            set = list.Select(AsLink).OfType<EntityLink>().ToHashSet();
            _linkSets[c] = set;
        }

        return set;
    }

    /// <summary>The list as <see cref="Compare"/> sees it for a text value: trimmed, case-insensitive, non-strings as JSON text.</summary>
    private HashSet<string> TextSet(FilterCondition c, JsonArray list)
    {
        if (!_textSets.TryGetValue(c, out var set))
        {
            set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.OfType<JsonValue>())
            {
                set.Add((item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString()).Trim());
            }

            _textSets[c] = set;
        }

        return set;
    }

    private bool MatchLinks(List<EntityLink> links, FilterCondition c, bool single)
    {
        var v = c.Value;
        return c.Relation switch
        {
            "is" => v is null ? links.Count == 0 : AsLink(v) is { } x && links.Contains(x),
            "is_not" => !(v is null ? links.Count == 0 : AsLink(v) is { } x && links.Contains(x)),
            "in" => v is JsonArray a && links.Exists(LinkSet(c, a).Contains) || (single && v is JsonArray n && links.Count == 0 && n.Any(e => e is null)),
            "not_in" => !(v is JsonArray a && a.Select(AsLink).Any(x => x is not null && links.Contains(x))),
            "type_is" => links.Any(l => string.Equals(l.Type, Str(v), StringComparison.Ordinal)),
            "type_is_not" => !links.Any(l => string.Equals(l.Type, Str(v), StringComparison.Ordinal)),
            "name_is" => links.Any(l => string.Equals(store.NameOf(l), Str(v), StringComparison.OrdinalIgnoreCase)),
            "name_contains" => links.Any(l => Contains(store.NameOf(l), Str(v))),
            "name_not_contains" => !links.Any(l => Contains(store.NameOf(l), Str(v))),
            "name_starts_with" => links.Any(l => store.NameOf(l)?.StartsWith(Str(v) ?? "\0", StringComparison.OrdinalIgnoreCase) == true),
            "name_ends_with" => links.Any(l => store.NameOf(l)?.EndsWith(Str(v) ?? "\0", StringComparison.OrdinalIgnoreCase) == true),
            _ => false,
        };
    }

    private bool MatchScalar(object? actual, string relation, JsonNode? v, string dataType)
    {
        switch (relation)
        {
            case "is":
                return Equal(actual, v, dataType);
            case "is_not":
                return !Equal(actual, v, dataType);
            case "in":
                return v is JsonArray a ? a.Any(e => Equal(actual, e, dataType)) : Equal(actual, v, dataType);
            case "not_in":
                return !(v is JsonArray b ? b.Any(e => Equal(actual, e, dataType)) : Equal(actual, v, dataType));
            case "less_than":
                return Compare(actual, v, dataType) < 0;
            case "greater_than":
                return Compare(actual, v, dataType) > 0;
            case "between":
                return v is JsonArray r && Compare(actual, r[0], dataType) >= 0 && Compare(actual, r[1], dataType) <= 0;
            case "not_between":
                return !(v is JsonArray s && Compare(actual, s[0], dataType) >= 0 && Compare(actual, s[1], dataType) <= 0);
            case "contains":
                return Contains(actual as string, Str(v));
            case "not_contains":
                return !Contains(actual as string, Str(v));
            case "starts_with":
                return actual is string st && Str(v) is { } p && st.StartsWith(p.Trim(), StringComparison.OrdinalIgnoreCase);
            case "ends_with":
                return actual is string en && Str(v) is { } q && en.EndsWith(q.Trim(), StringComparison.OrdinalIgnoreCase);
            case "in_calendar_day" or "in_calendar_week" or "in_calendar_month" or "in_calendar_year":
                return InCalendar(actual, v, relation);
            case "in_last" or "not_in_last" or "in_next" or "not_in_next":
                var inside = InWindow(actual, v, relation.EndsWith("last", StringComparison.Ordinal));
                return relation.StartsWith("not_", StringComparison.Ordinal) ? !inside : inside;
            default:
                return false;
        }
    }

    private static bool Equal(object? actual, JsonNode? v, string dataType) =>
        v is null ? actual is null : actual is not null && Compare(actual, v, dataType) == 0;

    /// <summary>Null when either side is missing or not comparable (such rows never match an ordering relation).</summary>
    private static int? Compare(object? actual, JsonNode? v, string dataType)
    {
        if (actual is null || v is not JsonValue value)
        {
            return null;
        }

        switch (actual)
        {
            case long or double:
                var n = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
                return ToDouble(value) is { } d ? n.CompareTo(d) : null;
            case bool b:
                return ToBool(value) is { } o ? b.CompareTo(o) : null;
            case DateTimeOffset at:
                return Str(value) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? at.CompareTo(t) : null;
            case string text:
                var other = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                return dataType == "date"
                    ? string.CompareOrdinal(text, other)
                    : string.Compare(text.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);
            default:
                return null;
        }
    }

    private bool InWindow(object? actual, JsonNode? v, bool past)
    {
        if (actual is not DateTimeOffset at || v is not JsonArray { Count: 2 } a || ToDouble(a[0] as JsonValue) is not { } count)
        {
            return false;
        }

        var span = (Str(a[1]) ?? "").ToUpperInvariant() switch
        {
            "HOUR" => TimeSpan.FromHours(count),
            "DAY" => TimeSpan.FromDays(count),
            "WEEK" => TimeSpan.FromDays(7 * count),
            "MONTH" => TimeSpan.FromDays(30 * count),
            "YEAR" => TimeSpan.FromDays(365 * count),
            _ => throw ShotGridRequestException.BadRequest($"Invalid unit {Str(a[1])}"),
        };
        var now = store.Time.GetUtcNow();
        return past ? at >= now - span && at <= now : at >= now && at <= now + span;
    }

    /// <summary>
    /// <c>in_calendar_day 0</c> is today, <c>-1</c> yesterday; weeks (from Monday), months and years likewise. The buckets
    /// are UTC-aligned (sg-groundtruth field_types/date_time).
    /// </summary>
    private bool InCalendar(object? actual, JsonNode? v, string relation)
    {
        DateTime? day = actual switch
        {
            DateTimeOffset at => at.UtcDateTime.Date,
            string s when DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            _ => null,
        };
        if (day is not { } date || ToDouble(v as JsonValue) is not { } offset)
        {
            return false;
        }

        var today = store.Time.GetUtcNow().UtcDateTime.Date;
        var distance = relation switch
        {
            "in_calendar_day" => (date - today).Days,
            "in_calendar_week" => (int)Math.Floor((MondayOf(date) - MondayOf(today)).Days / 7.0),
            "in_calendar_month" => ((date.Year * 12) + date.Month) - ((today.Year * 12) + today.Month),
            _ => date.Year - today.Year,
        };
        return distance == (int)offset;
    }

    private static DateTime MondayOf(DateTime date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static EntityLink? AsLink(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue t && o["id"] is JsonValue i && ToDouble(i) is { } id
            ? new EntityLink(t.GetValue<string>(), (long)id) : null;

    private static double? ToDouble(JsonValue? v) => v?.GetValueKind() switch
    {
        JsonValueKind.Number => v.GetValue<double>(),
        JsonValueKind.String when double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool? ToBool(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => null,
    };

    private static string? Str(JsonNode? v) => v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;

    private static bool Contains(string? text, string? part) =>
        text is not null && part is not null && text.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);
}
