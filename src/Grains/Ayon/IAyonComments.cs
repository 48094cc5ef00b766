using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// AYON comment activities as the notes sync writes them (AYON 1.15.18 <c>api/activities</c>). The sync chooses each
/// activity's id, so a create repeated after a lost answer or a restart finds its activity instead of doubling it.
/// </summary>
public interface IAyonComments
{
    /// <summary>
    /// Creates a comment with id <paramref name="activityId"/> on a folder/task/version, written by
    /// <paramref name="asUser"/> when given (AYON's <c>x-as-user</c>; AYON refuses a user who may not see the entity, then
    /// the service user writes it). True when created, false when an activity with that id was already there.
    /// </summary>
    Task<bool> CreateCommentAsync(string project, string entityType, string entityId, string activityId, string body,
        DateTimeOffset createdAt, JsonObject data, string? asUser, CancellationToken cancellationToken);

    /// <summary>Replaces a comment's body (and merges <paramref name="data"/>); false when AYON has no such activity.</summary>
    Task<bool> UpdateCommentAsync(string project, string activityId, string body, JsonObject? data, CancellationToken cancellationToken);

    /// <summary>Deletes a comment; an activity that is already gone counts as deleted.</summary>
    Task DeleteCommentAsync(string project, string activityId, CancellationToken cancellationToken);
}
