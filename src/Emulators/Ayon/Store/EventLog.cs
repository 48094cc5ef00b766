namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The event table with its unique hash index. Not thread-safe: the store's lock guards it.</summary>
internal sealed class EventLog
{
    private readonly Dictionary<string, EventRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByHash = new(StringComparer.Ordinal);

    // Ids in sequence order (append-only: sequences only grow); removed or re-inserted ids are skipped when read.
    private readonly List<(long Sequence, string Id)> _order = [];
    private long _sequence;

    /// <summary>Events in creation order.</summary>
    public IEnumerable<EventRecord> All => After(0);

    /// <summary>Events with a sequence above <paramref name="sequence"/>, in order, found by binary search (a follower's page costs its page, not the log).</summary>
    public IEnumerable<EventRecord> After(long sequence)
    {
        var start = _order.BinarySearch((sequence, ""), Comparer<(long Sequence, string Id)>.Create((a, b) => a.Sequence.CompareTo(b.Sequence)));
        start = start < 0 ? ~start : start + 1;
        for (var i = start; i < _order.Count; i++)
        {
            var (seq, id) = _order[i];
            if (_byId.TryGetValue(id, out var e) && e.Sequence == seq)
            {
                yield return e;
            }
        }
    }

    public EventRecord? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Inserts an event; a taken hash is a 409 unless <paramref name="reuse"/>, which overwrites the row with a new id.</summary>
    public EventRecord Insert(EventRecord draft, bool reuse)
    {
        if (_idByHash.TryGetValue(draft.Hash, out var existingId))
        {
            if (!reuse)
            {
                throw AyonProblem.Conflict("Event with the same hash already exists");
            }

            _byId.Remove(existingId);
        }

        var stored = draft with { Sequence = ++_sequence };
        _byId[stored.Id] = stored;
        _order.Add((stored.Sequence, stored.Id));
        _idByHash[stored.Hash] = stored.Id;
        return stored;
    }

    public EventRecord Emit(PendingEvent pending, string? project, RequestOrigin origin, DateTimeOffset now)
    {
        var id = NamingRules.NewId();
        return Insert(new EventRecord(
            id, id, pending.Topic, origin.Sender, origin.SenderType, project, origin.User, null, "finished", 0,
            pending.Description, pending.Summary, pending.Payload, 0, now, now), reuse: false);
    }

    public void Replace(EventRecord updated) => _byId[updated.Id] = updated;

    public void Remove(string id)
    {
        if (_byId.Remove(id, out var removed))
        {
            _idByHash.Remove(removed.Hash);
        }
    }
}
