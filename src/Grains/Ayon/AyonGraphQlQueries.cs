namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Hierarchy reads. <c>allAttrib</c> rather than <c>attrib { … }</c> because naming an attribute AYON has not loaded yet
/// (added but no restart) fails the whole query.
/// </summary>
internal static class AyonGraphQlQueries
{
    public const int PageSize = 500;

    // The whole-project listings (what every full sync compares with) use pages of 2,000: their pages are a chain, each
    // waiting for the cursor of the one before, so at 100,000 entities pages of 500 were 200 round trips in a row.
    // AYON sets no maximum on `first` (docs/emulators.md).

    public const string Folders = """
        query Folders($projectName: String!, $after: String) {
          project(name: $projectName) {
            folders(first: 2000, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label folderType parentId status tags active allAttrib } }
            }
          }
        }
        """;

    public const string Tasks = """
        query Tasks($projectName: String!, $after: String) {
          project(name: $projectName) {
            tasks(first: 2000, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label taskType folderId status tags assignees active allAttrib } }
            }
          }
        }
        """;

    /// <summary>Tasks by id, with their assignees (what a leecher change of assignees compares with).</summary>
    public const string TasksById = """
        query TasksById($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            tasks(ids: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label taskType folderId status tags assignees active allAttrib } }
            }
          }
        }
        """;

    /// <summary>Users by name; GraphQL's UserNode has no <c>data</c>, so the ShotGrid link is read per user over REST.</summary>
    public const string Users = """
        query Users($after: String) {
          users(first: 500, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { name active isService } }
          }
        }
        """;

    /// <summary>Which of the given folder ids exist (active or not).</summary>
    public const string FolderIds = """
        query FolderIds($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            folders(ids: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id } }
            }
          }
        }
        """;

    /// <summary>Which of the given task ids exist (active or not).</summary>
    public const string TaskIds = """
        query TaskIds($projectName: String!, $ids: [String!], $after: String) {
          project(name: $projectName) {
            tasks(ids: $ids, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id } }
            }
          }
        }
        """;
}
