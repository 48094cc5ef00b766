using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// The AYON server API as the sync uses it, authenticated by a service API key (<c>x-api-key</c>).
/// Reads and idempotent writes are retried on 429/5xx/network errors; a non-2xx answer that is not transient
/// surfaces as <see cref="AyonException"/> carrying AYON's <c>detail</c>, never the key.
/// </summary>
public interface IAyonClient
{
    /// <summary>The project, or null on 404.</summary>
    Task<AyonProject?> GetProjectAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every project name on the server.</summary>
    Task<IReadOnlyList<string>> ListProjectNamesAsync(CancellationToken cancellationToken);

    /// <summary>POST /api/projects. Throws <see cref="AyonException"/> with status 409 when name or code exists.</summary>
    Task CreateProjectAsync(AyonProjectCreate project, CancellationToken cancellationToken);

    Task PatchProjectAsync(string name, AyonProjectPatch patch, CancellationToken cancellationToken);

    Task<IReadOnlyList<AyonAttribute>> GetAttributesAsync(CancellationToken cancellationToken);

    /// <summary>PUT /api/attributes/{name}. AYON needs a restart before the attribute can be written.</summary>
    Task PutAttributeAsync(AyonAttribute attribute, CancellationToken cancellationToken);

    /// <summary>POST /api/system/restart, then wait until the server answers again (bounded by <paramref name="timeout"/>).</summary>
    Task RestartServerAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Every folder of the project with its attributes (GraphQL, paged).</summary>
    /// <param name="attributes">The attributes to keep (the others are dropped as each page is read); null keeps all.</param>
    Task<IReadOnlyList<AyonFolder>> GetFoldersAsync(string project, CancellationToken cancellationToken, IReadOnlySet<string>? attributes = null);

    /// <summary>Every task of the project with its attributes (GraphQL, paged).</summary>
    /// <param name="attributes">The attributes to keep (the others are dropped as each page is read); null keeps all.</param>
    Task<IReadOnlyList<AyonTask>> GetTasksAsync(string project, CancellationToken cancellationToken, IReadOnlySet<string>? attributes = null);

    /// <summary>One task (GraphQL, by id), or null when it does not exist.</summary>
    Task<AyonTask?> GetTaskAsync(string project, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Active, non-service users with their ShotGrid link (<c>data.sg_user_id</c>): GraphQL lists the names, then one
    /// REST read per user gives its data. Never creates or changes a user.
    /// </summary>
    Task<IReadOnlyList<AyonUser>> GetUsersAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="ids"/> exist as <paramref name="entityType"/> ("folder" or "task") in the project (GraphQL).</summary>
    Task<IReadOnlySet<string>> GetExistingIdsAsync(string project, string entityType, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>POST /api/projects/{p}/operations. HTTP 200 answers are returned as they are (per-op success); other answers throw.</summary>
    Task<AyonOperationsResponse> SendOperationsAsync(string project, IReadOnlyList<AyonOperation> operations, bool canFail, CancellationToken cancellationToken);

    /// <summary>
    /// POST /api/events, sent once and past the circuit breaker (the caller retries). Returns false when AYON already has an
    /// event with this hash (409), which callers treat as done.
    /// </summary>
    Task<bool> PostEventAsync(AyonEventRequest request, CancellationToken cancellationToken);

    /// <summary>Studio settings of an addon (GET /api/addons/{name}/{version}/settings), or a project's (…/settings/{project}), or null on 404.</summary>
    Task<JsonObject?> GetAddonSettingsAsync(string addonName, string addonVersion, string variant, CancellationToken cancellationToken, string? project = null);

    /// <summary>A secret's value (GET /api/secrets/{name}), or null on 404.</summary>
    Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken);
}
