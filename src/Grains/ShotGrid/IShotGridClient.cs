namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>
/// The ShotGrid REST API as the sync uses it. Implementations authenticate with script credentials, refresh the
/// token before it expires (and once on a 401), and retry idempotent calls on 429/5xx/network errors.
/// Errors that are not transient surface as <see cref="ShotGridException"/> with ShotGrid's own title/detail.
/// </summary>
public interface IShotGridClient
{
    /// <summary>Every record matching <paramref name="filter"/>, reading pages of <paramref name="pageSize"/> until a short page.</summary>
    Task<IReadOnlyList<SgRecord>> SearchAllAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, CancellationToken cancellationToken,
        string? sort = null, int pageSize = 500, bool retiredOnly = false);

    /// <summary>One page (1-based) of a search.</summary>
    Task<IReadOnlyList<SgRecord>> SearchPageAsync(
        string entityType, SgFilter filter, IReadOnlyList<string> fields, int pageNumber, int pageSize,
        CancellationToken cancellationToken, string? sort = null, bool retiredOnly = false);

    /// <summary>One record by id, or null when it does not exist (or is retired and <paramref name="retiredOnly"/> is false).</summary>
    Task<SgRecord?> FindOneAsync(string entityType, long id, IReadOnlyList<string> fields, CancellationToken cancellationToken, bool retiredOnly = false);

    /// <summary>Field schema of an entity type (CamelCase schema name, e.g. "Shot"), keyed by field name.</summary>
    Task<IReadOnlyDictionary<string, SgField>> GetFieldsAsync(string entityType, CancellationToken cancellationToken);

    /// <summary>The ApiUser id the access token belongs to (the <c>user</c> claim), used to ignore the integration's own events.</summary>
    Task<long?> GetApiUserIdAsync(CancellationToken cancellationToken);
}
