using System.Collections.Concurrent;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// The slot number of each field name of one entity type, shared by all its rows, so a row stores its values in a
/// small array instead of a dictionary of its own (a million-entity project holds millions of rows). Names are added
/// on first write (fields created at run time get a slot too); reads from other threads see a consistent map.
/// </summary>
internal sealed class FieldIndex
{
    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Lock _adding = new();
    private volatile string[] _names = [];

    /// <summary>Field names by slot.</summary>
    public string[] Names => _names;

    public int? Find(string name) => _slots.TryGetValue(name, out var slot) ? slot : null;

    public int SlotOf(string name)
    {
        if (_slots.TryGetValue(name, out var slot))
        {
            return slot;
        }

        lock (_adding)
        {
            if (_slots.TryGetValue(name, out slot))
            {
                return slot;
            }

            slot = _names.Length;
            _names = [.. _names, name];
            _slots[name] = slot;
            return slot;
        }
    }
}
