using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// ShotGrid PublishedFileType ids by code (the representation name: <c>exr</c>, <c>mov</c>, …). Site-wide records: looked
/// up once per process and created when missing, as the old addon's publish plugin did.
/// </summary>
public sealed class PublishedFileTypes(IShotGridClient shotGrid, PushBatches batches)
{
    private readonly Dictionary<string, long> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyDictionary<string, long>> EnsureAsync(IEnumerable<string> codes, PushOutcome outcome, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var wanted = codes.Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var unknown = wanted.Where(c => !_known.ContainsKey(c)).ToArray();
            if (unknown.Length > 0)
            {
                foreach (var r in await shotGrid.SearchAllAsync(PushTargets.PublishedFileType, SgFilter.And().Where("code", "in", unknown), ["code"], cancellationToken, sort: "id"))
                {
                    if (r.GetString("code") is { } code)
                    {
                        _known.TryAdd(code, r.Id);
                    }
                }

                var create = unknown.Where(c => !_known.ContainsKey(c)).ToArray();
                if (create.Length > 0)
                {
                    var made = await batches.SendAsync(create, c => SgWrite.Create(PushTargets.PublishedFileType, new JsonObject { ["code"] = c }),
                        c => (PushTargets.PublishedFileType, c, c), outcome, cancellationToken);
                    for (var i = 0; i < create.Length; i++)
                    {
                        if (made[i] is { } record)
                        {
                            _known[create[i]] = record.Id;
                        }
                    }
                }
            }

            return wanted.Where(_known.ContainsKey).ToDictionary(c => c, c => _known[c], StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            _gate.Release();
        }
    }
}
