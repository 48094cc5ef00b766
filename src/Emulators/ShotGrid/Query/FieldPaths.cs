namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Resolves field names and dotted paths (<c>sg_sequence.Sequence.episode.Episode.code</c>) against the schema.</summary>
internal static class FieldPaths
{
    /// <summary>The steps of <paramref name="path"/>, or null with <paramref name="badType"/>/<paramref name="badField"/> naming the unknown part.</summary>
    public static IReadOnlyList<PathStep>? Resolve(SchemaCatalog schema, EntityDef def, string path, out string badType, out string badField)
    {
        var parts = path.Split('.');
        var steps = new List<PathStep>();
        var owner = def;
        badType = def.Type;
        badField = path;
        for (var i = 0; i < parts.Length; i += 2)
        {
            badType = owner.Type;
            badField = parts[i];
            if (!owner.Fields.TryGetValue(parts[i], out var field))
            {
                return null;
            }

            steps.Add(new PathStep(owner, field));
            if (i + 1 >= parts.Length)
            {
                return steps;
            }

            if (!field.IsLink || i + 2 >= parts.Length || schema.ByType(parts[i + 1]) is not { } next)
            {
                badField = string.Join('.', parts[i..]);
                return null;
            }

            owner = next;
        }

        return steps;
    }

    /// <summary>Reads a path's value through single links; null when a link is unset, retired or of another type. Multi links yield every value.</summary>
    public static void Collect(ShotGridStore store, IRecordView record, IReadOnlyList<PathStep> steps, int index, List<object?> values)
    {
        var value = record.Get(steps[index].Field.Name);
        if (index == steps.Count - 1)
        {
            values.Add(value);
            return;
        }

        var through = steps[index + 1].Owner.Type;
        var before = values.Count;
        switch (value)
        {
            case EntityLink link when link.Type == through && store.FindRow(link.Type, link.Id) is { Retired: false } target:
                Collect(store, target, steps, index + 1, values);
                break;
            case List<EntityLink> links:
                foreach (var l in links.Where(l => l.Type == through))
                {
                    if (store.FindRow(l.Type, l.Id) is { Retired: false } t)
                    {
                        Collect(store, t, steps, index + 1, values);
                    }
                }

                break;
        }

        if (values.Count == before)
        {
            values.Add(null);
        }
    }
}
