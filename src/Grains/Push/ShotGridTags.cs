using System.Text.Json.Nodes;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// Finds ShotGrid Tags by name and creates the missing ones, once per round for every tag name the round writes: one
/// search per 500 names and one <c>_batch</c> per <see cref="PushOptions.BatchSize"/> new Tags. Tags are site-wide, so a
/// Tag made for one project is found by the next.
/// </summary>
public sealed class ShotGridTags(IShotGridClient shotGrid, PushBatches batches, IOptions<PushOptions> options)
{
    public const string Type = "Tag";

    public async Task<Dictionary<string, long>> ResolveAsync(IReadOnlyCollection<string> names, PushOutcome outcome, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var records = await shotGrid.SearchAllAsync(Type, SgFilter.And().Where("name", "in", chunk), ["name"], cancellationToken, sort: "id");
            foreach (var r in records)
            {
                // Two Tags of one name: the oldest is the one used, so every round picks the same.
                if (r.GetString("name") is { } name)
                {
                    ids.TryAdd(name, r.Id);
                }
            }
        }

        var missing = names.Distinct(StringComparer.Ordinal).Where(n => !ids.ContainsKey(n)).ToArray();
        foreach (var chunk in missing.Chunk(options.Value.BatchSize))
        {
            var made = await batches.SendAsync(chunk, n => SgWrite.Create(Type, new JsonObject { ["name"] = n }), n => (Type, n, n), outcome, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (made[i] is { } record)
                {
                    ids[chunk[i]] = record.Id;
                }
            }
        }

        return ids;
    }
}
