using System.Globalization;
using AyonShotgrid.Contracts;

namespace AyonShotgrid.Grains.Entities;

/// <summary>The parts of an entity grain key (<see cref="GrainKeys.Entity"/>), read from the end because only the site could hold odd characters.</summary>
internal sealed record EntityKey(string Site, long ProjectId, string Type, long Id)
{
    public static EntityKey Parse(string key)
    {
        var parts = key.Split(':');
        if (parts.Length < 5 || parts[0] != "entity")
        {
            throw new FormatException($"'{key}' is not an entity grain key.");
        }

        var n = parts.Length;
        return new EntityKey(
            string.Join(':', parts[1..(n - 3)]),
            long.Parse(parts[n - 3], CultureInfo.InvariantCulture),
            parts[n - 2],
            long.Parse(parts[n - 1], CultureInfo.InvariantCulture));
    }

    public string GrainKeyOf(string type, long id) => GrainKeys.Entity(Site, ProjectId, type, id);
}
