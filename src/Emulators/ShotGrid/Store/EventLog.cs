namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Event ids are allocated when a write starts and become visible when it "commits", like ShotGrid's database
/// transactions. Rows written inside a late-commit scope keep their (lower) ids but are published only when the scope
/// ends, which reproduces the gaps a leecher must survive. Not thread-safe: the store's lock guards it.
/// </summary>
internal sealed class EventLog
{
    private readonly List<EventLogRow> _published = [];
    private readonly AsyncLocal<LateCommitScope?> _scope = new();
    private long _lastAllocated;

    public IReadOnlyList<EventLogRow> Published => _published;

    public long NewestPublishedId => _published.Count == 0 ? 0 : _published[^1].Id;

    public long Allocate() => ++_lastAllocated;

    public void Burn(int count) => _lastAllocated += count;

    public void Append(EventLogRow row)
    {
        var scope = _scope.Value;
        while (scope is { Closed: true })
        {
            scope = scope.Parent;
        }

        if (scope is not null)
        {
            scope.Pending.Add(row);
        }
        else
        {
            Publish(row);
        }
    }

    public LateCommitScope Begin(Action<LateCommitScope> onDispose)
    {
        var scope = new LateCommitScope(_scope.Value, onDispose);
        _scope.Value = scope;
        return scope;
    }

    /// <summary>Publishes a closed scope's rows at their id positions (they are usually below already-visible ids).</summary>
    public void Commit(LateCommitScope scope)
    {
        foreach (var row in scope.Pending)
        {
            Publish(row);
        }

        scope.Pending.Clear();
        if (_scope.Value == scope)
        {
            _scope.Value = scope.Parent;
        }
    }

    /// <summary>Index of the first published row with id greater than <paramref name="id"/>.</summary>
    public int FirstIndexAfter(long id)
    {
        int lo = 0, hi = _published.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_published[mid].Id <= id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void Publish(EventLogRow row)
    {
        if (_published.Count == 0 || _published[^1].Id < row.Id)
        {
            _published.Add(row);
        }
        else
        {
            _published.Insert(FirstIndexAfter(row.Id), row);
        }
    }
}
