using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>An anatomy folder type (<c>{"name","shortName","color","icon"}</c>).</summary>
public sealed record AyonFolderType(string Name, string ShortName = "", string? Color = null, string? Icon = null);

/// <summary>An anatomy task type.</summary>
public sealed record AyonTaskType(string Name, string ShortName = "", string? Color = null, string? Icon = null);

/// <summary>An anatomy status. <paramref name="Scope"/> null means every entity type.</summary>
public sealed record AyonStatus(string Name, string ShortName = "", string State = "not_started", string? Color = null, string? Icon = null, IReadOnlyList<string>? Scope = null);

/// <summary>The parts of an AYON project (GET /api/projects/{name}) the sync reads.</summary>
public sealed record AyonProject(
    string Name,
    string Code,
    IReadOnlyList<AyonFolderType> FolderTypes,
    IReadOnlyList<AyonTaskType> TaskTypes,
    IReadOnlyList<AyonStatus> Statuses,
    IReadOnlyDictionary<string, JsonNode?> Attrib,
    JsonObject Data);

/// <summary>Body of POST /api/projects (deploy). Anatomy lists go out in AYON's snake_case anatomy keys.</summary>
public sealed record AyonProjectCreate(
    string Name,
    string Code,
    string? Label,
    IReadOnlyList<AyonFolderType> FolderTypes,
    IReadOnlyList<AyonTaskType> TaskTypes,
    IReadOnlyList<AyonStatus> Statuses,
    IReadOnlyDictionary<string, string?> Attrib);

/// <summary>Body of PATCH /api/projects/{name}: null members are not sent. Lists replace the project's lists.</summary>
public sealed record AyonProjectPatch(
    IReadOnlyList<AyonFolderType>? FolderTypes = null,
    IReadOnlyList<AyonTaskType>? TaskTypes = null,
    IReadOnlyList<AyonStatus>? Statuses = null,
    IReadOnlyDictionary<string, string?>? Attrib = null,
    JsonObject? Data = null);

/// <summary>An attribute definition (GET/PUT /api/attributes).</summary>
public sealed record AyonAttribute(
    string Name,
    IReadOnlyList<string> Scope,
    string Type,
    string Title,
    bool Inherit,
    int Position = 100,
    string? Description = null);

/// <summary>A folder as the sync reads it. <paramref name="OwnAttrib"/> holds only the folder's own attribute values.</summary>
public sealed record AyonFolder(
    string Id,
    string Name,
    string? Label,
    string FolderType,
    string? ParentId,
    string? Status,
    bool Active,
    IReadOnlyDictionary<string, string?> Attrib,
    IReadOnlyList<string>? Tags = null);

/// <summary>A task as the sync reads it. <paramref name="Tags"/> / <paramref name="Assignees"/> are null when the read did not carry them.</summary>
public sealed record AyonTask(
    string Id,
    string Name,
    string? Label,
    string TaskType,
    string FolderId,
    string? Status,
    bool Active,
    IReadOnlyDictionary<string, string?> Attrib,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Assignees = null);

/// <summary>An active, non-service AYON user and the ShotGrid HumanUser id stored in its <c>data.sg_user_id</c> (null: not linked).</summary>
public sealed record AyonUser(string Name, long? ShotGridUserId);

/// <summary>One entry of POST /api/projects/{p}/operations.</summary>
/// <param name="Type">"create", "update" or "delete".</param>
/// <param name="EntityType">"folder" or "task".</param>
/// <param name="EntityId">For create, the id chosen by the client (32 lowercase hex), so children in the same batch can refer to it.</param>
/// <param name="Force">AYON's per-operation <c>force</c>: lets an update move or rename a folder that has published versions below it.</param>
public sealed record AyonOperation(string Id, string Type, string EntityType, string? EntityId, JsonObject? Data, bool Force = false);

/// <summary>Per-operation result.</summary>
public sealed record AyonOperationResult(string Id, bool Success, int Status, string? EntityId, string? ErrorCode, string? Detail);

public sealed record AyonOperationsResponse(bool Success, IReadOnlyList<AyonOperationResult> Operations);

/// <summary>Body of POST /api/events.</summary>
public sealed record AyonEventRequest(string Topic, string Hash, string? Project, string Description, JsonObject Summary, JsonObject Payload);
