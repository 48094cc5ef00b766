using System.Collections;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// One row's field values, in the slots its type's <see cref="FieldIndex"/> gives each name. Behaves as the
/// dictionary it replaces: a field set to null is present (and enumerated), a field never set is absent.
/// Writes happen under the store's lock.
/// </summary>
internal sealed class FieldSlots(FieldIndex index) : IEnumerable<KeyValuePair<string, object?>>
{
    /// <summary>Marks a slot whose field was never set (null is a value).</summary>
    private static readonly object Absent = new();

    private object?[] _values = [];

    public object? this[string name]
    {
        get => TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);
        set
        {
            var slot = index.SlotOf(name);
            if (slot >= _values.Length)
            {
                var grown = new object?[index.Names.Length];
                Array.Fill(grown, Absent);
                _values.CopyTo(grown, 0);
                _values = grown;
            }

            _values[slot] = value;
        }
    }

    public bool TryGetValue(string name, out object? value)
    {
        var values = _values;
        if (index.Find(name) is { } slot && slot < values.Length && !ReferenceEquals(values[slot], Absent))
        {
            value = values[slot];
            return true;
        }

        value = null;
        return false;
    }

    public object? GetValueOrDefault(string name) => TryGetValue(name, out var value) ? value : null;

    public bool ContainsKey(string name) => TryGetValue(name, out _);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        var values = _values;
        var names = index.Names;
        for (var i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(values[i], Absent))
            {
                yield return KeyValuePair.Create(names[i], values[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
