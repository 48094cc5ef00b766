namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A product snapshot taken under the store lock; <see cref="Project"/> lets nested fields look up relations.</summary>
internal sealed record ProductNode(
    string Project, string Id, string Name, string ProductType, string FolderId, string Status, IReadOnlyList<string> Tags,
    bool Active, string AllAttrib, string? Data, IReadOnlyList<VersionListItem> VersionList, string CreatedAt, string UpdatedAt) : IPublishNode;

/// <summary>An item of a product's <c>versionList</c>.</summary>
internal sealed record VersionListItem(string Id, int Version, string Name);

/// <summary>A version snapshot taken under the store lock.</summary>
internal sealed record VersionNode(
    string Project, string Id, string Name, int Version, string ProductId, string? TaskId, string Author, string Status,
    IReadOnlyList<string> Tags, bool Active, string AllAttrib, string? Data, string CreatedAt, string UpdatedAt) : IPublishNode;

/// <summary>A representation snapshot taken under the store lock.</summary>
internal sealed record RepresentationNode(
    string Project, string Id, string Name, string VersionId, IReadOnlyList<FileNode> Files, string Status,
    IReadOnlyList<string> Tags, bool Active, string AllAttrib, string? Data, string CreatedAt, string UpdatedAt) : IPublishNode;

/// <summary>A file of a representation; GraphQL gives <c>size</c> as a string (measured).</summary>
internal sealed record FileNode(string Id, string Path, string Size, string? Hash, string HashType);
