namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// A ShotGrid client whose requests each wait for one of a bounded number of places: a full sync reads many id ranges
/// side by side, and a site's API limits are real (what still comes back 429 is retried by the inner client as ever).
/// </summary>
public sealed class GatedShotGridClient(IShotGridClient inner, SemaphoreSlim gate) : IShotGridClient
{
    public Task<IReadOnlyList<SgRecord>> SearchAllAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, CancellationToken cancellationToken,
        string? sort = null, int pageSize = 500, bool retiredOnly = false) =>
        GatedAsync(() => inner.SearchAllAsync(entityType, filter, fields, cancellationToken, sort, pageSize, retiredOnly), cancellationToken);

    public Task<IReadOnlyList<SgRecord>> SearchPageAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageNumber, int pageSize,
        CancellationToken cancellationToken, string? sort = null, bool retiredOnly = false) =>
        GatedAsync(() => inner.SearchPageAsync(entityType, filter, fields, pageNumber, pageSize, cancellationToken, sort, retiredOnly), cancellationToken);

    public Task<SgRecord?> FindOneAsync(string entityType, long id, IReadOnlyList<string> fields, CancellationToken cancellationToken, bool retiredOnly = false) =>
        GatedAsync(() => inner.FindOneAsync(entityType, id, fields, cancellationToken, retiredOnly), cancellationToken);

    public Task<IReadOnlyDictionary<string, SgField>> GetFieldsAsync(string entityType, CancellationToken cancellationToken) =>
        GatedAsync(() => inner.GetFieldsAsync(entityType, cancellationToken), cancellationToken);

    public Task<long?> GetApiUserIdAsync(CancellationToken cancellationToken) =>
        GatedAsync(() => inner.GetApiUserIdAsync(cancellationToken), cancellationToken);

    private async Task<T> GatedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            gate.Release();
        }
    }
}
