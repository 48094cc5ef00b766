using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

// Reads. Callers hold the lock (through Locked) so records do not change while a response is written.
public sealed partial class ShotGridStore
{
    internal List<IRecordView> Query(QuerySpec q)
    {
        var evaluator = new FilterEvaluator(this);
        var matches = Candidates(q).Where(r => evaluator.Matches(q.Filter, r) && (q.IncludeArchivedProjects || !InArchivedProject(r)));
        var skip = (long)(q.PageNumber - 1) * q.PageSize;
        // Candidates already come in id order, so "sort=id" (the leecher's query) can stream instead of sorting everything.
        var sortById = q.Sort.Count > 0 && q.Sort[0] is { Field: "id", Descending: false };
        if (q.Sort.Count > 0 && !sortById)
        {
            var all = matches.ToList();
            all.Sort(new RecordComparer(this, q.Def, q.Sort.TakeWhile(k => k.Field != "id").Append(q.Sort.FirstOrDefault(k => k.Field == "id") ?? new SortKey("id", false)).ToList()));
            matches = all;
        }

        return matches.Skip((int)Math.Min(skip, int.MaxValue)).Take(q.PageSize).ToList();
    }

    internal int Count(EntityDef def, FilterNode? filter, bool retiredOnly)
    {
        var evaluator = new FilterEvaluator(this);
        return Candidates(new QuerySpec(def, filter, retiredOnly, true, [], 1, 1)).Count(r => evaluator.Matches(filter, r));
    }

    internal IRecordView? FindView(EntityDef def, long id, bool retiredOnly)
    {
        if (def.Type == "EventLogEntry")
        {
            var index = _events.FirstIndexAfter(id - 1);
            return !retiredOnly && index < _events.Published.Count && _events.Published[index].Id == id
                ? new EventRecordView(_events.Published[index], this) : null;
        }

        return FindRow(def.Type, id) is { } row && row.Retired == retiredOnly ? row : null;
    }

    private IEnumerable<IRecordView> Candidates(QuerySpec q)
    {
        if (q.Def.Type != "EventLogEntry")
        {
            var rows = RowsFrom(q.Def.Type, LowerIdBound(q.Filter), IdList(q.Filter));

            // Rows come in id order, so an upper id bound ends the walk (a database stops its index scan there too):
            // a range's last, short page no longer walks every row above the range.
            if (UpperIdBound(q.Filter) is { } below)
            {
                rows = rows.TakeWhile(r => r.Id < below);
            }

            return rows.Where(r => r.Retired == q.RetiredOnly);
        }

        if (q.RetiredOnly)
        {
            return [];
        }

        var start = LowerIdBound(q.Filter) is { } bound ? _events.FirstIndexAfter(bound) : 0;
        return EventsFrom(start);
    }

    /// <summary>
    /// Rows in id order that can match: those named by a top-level <c>id in</c> list, or those above a top-level id
    /// bound (found by binary search), so a keyset page costs its own rows, not every row before it.
    /// </summary>
    private IEnumerable<EntityRow> RowsFrom(string type, long? lowerBound, IReadOnlyList<long>? ids)
    {
        if (ids is not null)
        {
            var byId = _rows[type];
            return ids.Where(id => id > (lowerBound ?? long.MinValue)).Distinct().Order()
                .Select(id => byId.GetValueOrDefault(id)).OfType<EntityRow>();
        }

        var ordered = _inIdOrder[type];
        if (lowerBound is not { } bound)
        {
            return ordered;
        }

        int lo = 0, hi = ordered.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ordered[mid].Id <= bound)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Enumerable.Range(lo, ordered.Count - lo).Select(i => ordered[i]);
    }

    /// <summary>The ids of a top-level AND's <c>["id", "in", [...]]</c> condition, or null when there is none.</summary>
    private static IReadOnlyList<long>? IdList(FilterNode? filter)
    {
        if (filter is not FilterGroup { Any: false } group)
        {
            return null;
        }

        foreach (var c in group.Children.OfType<FilterCondition>())
        {
            if (c is { Path: "id", Relation: "in", Value: JsonArray list })
            {
                return list.Select(Num).OfType<long>().ToList();
            }
        }

        return null;
    }

    private IEnumerable<IRecordView> EventsFrom(int start)
    {
        var published = _events.Published;
        for (var i = start; i < published.Count; i++)
        {
            yield return new EventRecordView(published[i], this);
        }
    }

    /// <summary>For a top-level AND with an id lower bound, every match has an id above the returned value (binary-search start).</summary>
    private static long? LowerIdBound(FilterNode? filter)
    {
        if (filter is not FilterGroup { Any: false } group)
        {
            return null;
        }

        long? bound = null;
        foreach (var c in group.Children.OfType<FilterCondition>().Where(c => c.Path == "id"))
        {
            var candidate = c.Relation switch
            {
                "greater_than" => Num(c.Value),
                "is" => Num(c.Value) - 1,
                "between" when c.Value is JsonArray a => Num(a[0]) - 1,
                _ => null,
            };
            if (candidate is { } v && (bound is null || v > bound))
            {
                bound = v;
            }
        }

        return bound;
    }

    /// <summary>
    /// For an AND (at the top or nested in ANDs) with an id upper bound, every match has an id below the returned value.
    /// </summary>
    private static long? UpperIdBound(FilterNode? filter)
    {
        if (filter is not FilterGroup { Any: false } group)
        {
            return null;
        }

        long? bound = null;
        foreach (var child in group.Children)
        {
            var candidate = child switch
            {
                FilterCondition { Path: "id", Relation: "less_than" } c => Num(c.Value),
                FilterCondition { Path: "id", Relation: "is" } c => Num(c.Value) + 1,
                FilterCondition { Path: "id", Relation: "between", Value: JsonArray a } when a.Count == 2 => Num(a[1]) + 1,
                FilterGroup nested => UpperIdBound(nested),
                _ => null,
            };
            if (candidate is { } v && (bound is null || v < bound))
            {
                bound = v;
            }
        }

        return bound;
    }

    private static long? Num(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.Number => (long)Math.Floor(v.GetValue<double>()),
            JsonValueKind.String when double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => (long)Math.Floor(d),
            _ => null,
        }
        : null;

    private bool InArchivedProject(IRecordView record)
    {
        var projectId = record switch
        {
            EntityRow row => row.ProjectId,
            EventRecordView ev => ev.Row.ProjectId,
            _ => null,
        };
        return projectId is { } id && FindRow("Project", id)?.Fields.GetValueOrDefault("archived") is true;
    }

    private sealed class RecordComparer(ShotGridStore store, EntityDef def, IReadOnlyList<SortKey> keys) : IComparer<IRecordView>
    {
        // Resolved once: sorting compares O(n log n) pairs.
        private readonly (IReadOnlyList<PathStep>? Steps, bool Descending)[] _keys =
            keys.Select(k => (FieldPaths.Resolve(store.Schema, def, k.Field, out _, out _), k.Descending)).ToArray();

        public int Compare(IRecordView? x, IRecordView? y)
        {
            foreach (var (steps, descending) in _keys)
            {
                var c = CompareValues(Value(x!, steps), Value(y!, steps));
                if (c != 0)
                {
                    return descending ? -c : c;
                }
            }

            return x!.Id.CompareTo(y!.Id);
        }

        private object? Value(IRecordView record, IReadOnlyList<PathStep>? steps)
        {
            if (steps is null)
            {
                return null;
            }

            if (steps.Count == 1)
            {
                var direct = record.Get(steps[0].Field.Name);
                return direct is EntityLink link ? store.NameOf(link) : direct;
            }

            var values = new List<object?>(1);
            FieldPaths.Collect(store, record, steps, 0, values);
            return values[0] is EntityLink l ? store.NameOf(l) : values[0];
        }

        private static int CompareValues(object? a, object? b) => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string s, string t) => string.Compare(s, t, StringComparison.OrdinalIgnoreCase),
            (IComparable c, _) when a.GetType() == b.GetType() => c.CompareTo(b),
            _ => 0,
        };
    }
}
