namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The event table with its unique hash index. Not thread-safe: the store's lock guards it.</summary>
internal sealed class EventLog
{
    private readonly Dictionary<string, EventRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByHash = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Events in creation order.</summary>
    public IEnumerable<EventRecord> All => _byId.Values.OrderBy(e => e.Sequence);

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
