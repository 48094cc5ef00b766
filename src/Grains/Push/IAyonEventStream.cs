using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>What the AYON → ShotGrid push reads from AYON besides <see cref="IAyonClient"/>: the event stream, entities by id.</summary>
public interface IAyonEventStream
{
    /// <summary>One page of a project's events after <paramref name="after"/> (GraphQL <c>events</c>, oldest first).</summary>
    Task<AyonEventPage> ReadEventsAsync(string project, IReadOnlyList<string> topics, string? after, int first, CancellationToken cancellationToken);

    /// <summary>The cursor of the project's newest event, or null when it has none.</summary>
    Task<string?> NewestEventCursorAsync(string project, CancellationToken cancellationToken);

    /// <summary>Folders by id (GraphQL); ids that do not exist are left out.</summary>
    Task<IReadOnlyList<AyonFolder>> GetFoldersByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Tasks by id (GraphQL), with tags and assignees; ids that do not exist are left out.</summary>
    Task<IReadOnlyList<AyonTask>> GetTasksByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Versions by id (GraphQL), with product, task id and representations; ids that do not exist are left out.</summary>
    Task<IReadOnlyList<AyonVersion>> GetVersionsByIdsAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Every version of the project (GraphQL pages of 500), as <see cref="GetVersionsByIdsAsync"/> reads them: Sync to ShotGrid.</summary>
    Task<IReadOnlyList<AyonVersion>> GetAllVersionsAsync(string project, CancellationToken cancellationToken);

    /// <summary>PATCH /api/projects/{p} with one attribute set to a JSON value (a boolean stays a boolean).</summary>
    Task SetProjectAttribAsync(string project, string attribute, JsonNode? value, CancellationToken cancellationToken);
}

/// <summary>
/// One AYON event as the push reads it. <paramref name="Sender"/> is the <c>x-sender</c> of the write that caused it;
/// <paramref name="Summary"/> is the whole summary (an <c>activity.*</c> event names its activity and references there).
/// </summary>
public sealed record AyonEvent(
    string Id, string Topic, string? Sender, string User, string? EntityId, string? ParentId, DateTimeOffset CreatedAt, JsonObject Payload,
    JsonObject? Summary = null);

/// <summary>A page of events and the cursor after its last one (null when the page is empty).</summary>
public sealed record AyonEventPage(IReadOnlyList<AyonEvent> Events, string? EndCursor, bool HasNextPage);
