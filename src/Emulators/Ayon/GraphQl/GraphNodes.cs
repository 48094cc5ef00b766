using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A project as GraphQL resolves it; entity lists are read when asked for.</summary>
internal sealed record ProjectNode(string Name, string Code, string? Label, bool Active, bool Library);

/// <summary>A folder snapshot taken under the store lock, so resolvers never touch live state.</summary>
internal sealed record FolderNode(
    string Id, string Name, string? Label, string FolderType, string? ParentId, string Path, string Status,
    IReadOnlyList<string> Tags, bool Active, IReadOnlyList<string> OwnAttrib, JsonObject Attrib, string AllAttrib, string? Data,
    bool HasChildren, bool HasTasks, string CreatedAt, string UpdatedAt);

/// <summary>A task snapshot taken under the store lock.</summary>
internal sealed record TaskNode(
    string Id, string Name, string? Label, string TaskType, string FolderId, string Status, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Assignees, bool Active, IReadOnlyList<string> OwnAttrib, JsonObject Attrib, string AllAttrib, string? Data,
    string CreatedAt, string UpdatedAt);

/// <summary>An event with summary and payload JSON-encoded, as GraphQL gives them.</summary>
internal sealed record EventNode(
    string Id, string Hash, string Topic, string? Project, string User, string? Sender, string? DependsOn, string Status,
    int Retries, string Description, string Summary, string Payload, string CreatedAt, string UpdatedAt);
