using System.Collections.Concurrent;
using System.Net;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// Each entity type's fields read at most once while this lives (the start of one full sync): the anatomy (status lists)
/// and the attribute map both need them, and each reading its own was one ShotGrid request per type twice over.
/// </summary>
public sealed class ShotGridSchemaReads(Func<string, CancellationToken, Task<IReadOnlyDictionary<string, SgField>>> read)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, SgField>?>>> _reads = new(StringComparer.Ordinal);

    /// <summary>The type's fields, or null when the site does not have the type.</summary>
    public Task<IReadOnlyDictionary<string, SgField>?> FieldsOrNullAsync(string type, CancellationToken cancellationToken) =>
        _reads.GetOrAdd(type, t => new Lazy<Task<IReadOnlyDictionary<string, SgField>?>>(() => ReadOrNullAsync(t, cancellationToken))).Value;

    private async Task<IReadOnlyDictionary<string, SgField>?> ReadOrNullAsync(string type, CancellationToken cancellationToken)
    {
        try
        {
            return await read(type, cancellationToken);
        }
        catch (ShotGridException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
