namespace AyonShotgrid.Emulators.ShotGrid;

public sealed partial class ShotGridStore
{
    /// <summary>Ids of the live records of a type whose field equals <paramref name="value"/> (tests look records up by <c>sg_ayon_id</c>).</summary>
    public IReadOnlyList<long> FindIds(string entityType, string field, object? value)
    {
        lock (_lock)
        {
            return _inIdOrder.TryGetValue(entityType, out var rows)
                ? rows.Where(r => !r.Retired && Equals(r.Get(field), value)).Select(r => r.Id).ToList()
                : [];
        }
    }

    /// <summary>Adds a field to a type (what <c>POST /schema/{type}/fields</c> does); false when the type already has it.</summary>
    internal bool AddField(EntityDef def, FieldDef field)
    {
        lock (_lock)
        {
            if (def.Fields.ContainsKey(field.Name))
            {
                return false;
            }

            def.Add(field);
            return true;
        }
    }

    /// <summary>Removes a field from a type's schema (tests of Prepare adding it back).</summary>
    public bool RemoveField(string entityType, string field)
    {
        lock (_lock)
        {
            return Schema.ByType(entityType) is { } def && def.Fields.Remove(field);
        }
    }
}
