using System.Net;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Prepare;

/// <summary>Reads Pipeline Steps and the status lists of the synced entity types from ShotGrid.</summary>
public sealed class ShotGridAnatomyReader(IShotGridClient shotGrid)
{
    private static readonly string[] StatusTypes = [SyncEntityTypes.Episode, SyncEntityTypes.Sequence, SyncEntityTypes.Shot, SyncEntityTypes.Asset, SyncEntityTypes.Task];

    /// <param name="schemas">Fields already read (or being read) for the same sync, shared with its attribute map.</param>
    public async Task<ShotGridAnatomy> ReadAsync(CancellationToken cancellationToken, ShotGridSchemaReads? schemas = null)
    {
        // The steps and every type's fields side by side: every full sync refreshes the anatomy first, and against a
        // distant site one read after another was seconds before any entity was read.
        var stepTypes = SyncEntityTypes.FolderEntities.ToArray();
        var stepsRead = shotGrid.SearchAllAsync(
            SyncEntityTypes.Step,
            SgFilter.And().Where("entity_type", "in", stepTypes),
            ["code", "short_name", "entity_type", "color"],
            cancellationToken,
            sort: "id");
        var fieldsRead = StatusTypes.Select(type => schemas?.FieldsOrNullAsync(type, cancellationToken) ?? FieldsOrNullAsync(type, cancellationToken)).ToList();
        await Task.WhenAll([stepsRead, .. fieldsRead]);
        var records = stepsRead.Result;

        // Step codes repeat across entity types ("Model" for Asset and for Shot); AYON has one task type per name.
        var steps = records
            .Select(r => new SgStep(r.Id, r.GetString("code") ?? "", r.GetString("short_name") ?? "", r.GetString("entity_type") ?? "", ToHexColor(r.GetString("color"))))
            .Where(s => s.Code.Length > 0)
            .GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();

        var statuses = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var read in fieldsRead)
        {
            if (read.Result is not { } fields || !fields.TryGetValue("sg_status_list", out var status))
            {
                continue;
            }

            foreach (var code in status.ValidValues.Where(seen.Add))
            {
                statuses.Add((code, status.DisplayValues.TryGetValue(code, out var display) && !string.IsNullOrWhiteSpace(display) ? display : code));
            }
        }

        return new ShotGridAnatomy(steps, statuses);
    }

    /// <summary>A type's fields, or null when the site does not have the type.</summary>
    private async Task<IReadOnlyDictionary<string, SgField>?> FieldsOrNullAsync(string type, CancellationToken cancellationToken)
    {
        try
        {
            return await shotGrid.GetFieldsAsync(type, cancellationToken);
        }
        catch (ShotGridException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>ShotGrid colours are "r,g,b"; AYON wants "#rrggbb".</summary>
    private static string? ToHexColor(string? sgColor)
    {
        var parts = sgColor?.Split(',');
        if (parts is not { Length: 3 } || !parts.All(p => byte.TryParse(p.Trim(), out _)))
        {
            return null;
        }

        return "#" + string.Concat(parts.Select(p => byte.Parse(p.Trim()).ToString("x2")));
    }
}
