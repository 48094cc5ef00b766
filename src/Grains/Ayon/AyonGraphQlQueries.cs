namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Hierarchy reads. <c>allAttrib</c> rather than <c>attrib { … }</c> because naming an attribute AYON has not loaded yet
/// (added but no restart) fails the whole query.
/// </summary>
internal static class AyonGraphQlQueries
{
    public const int PageSize = 500;

    public const string Folders = """
        query Folders($projectName: String!, $after: String) {
          project(name: $projectName) {
            folders(first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label folderType parentId status active allAttrib } }
            }
          }
        }
        """;

    public const string Tasks = """
        query Tasks($projectName: String!, $after: String) {
          project(name: $projectName) {
            tasks(first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id name label taskType folderId status active allAttrib } }
            }
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
