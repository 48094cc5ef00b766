using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>AYON activities read by id (GraphQL <c>project.activities</c>), for the AYON comment → ShotGrid Note push.</summary>
public interface IAyonActivities
{
    /// <summary>The activities among <paramref name="ids"/> that exist, by id.</summary>
    Task<IReadOnlyDictionary<string, AyonActivity>> GetActivitiesAsync(string project, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>An activity: its type, markdown body and data (<c>sg_note_id</c> when it is linked to a ShotGrid Note).</summary>
public sealed record AyonActivity(string Id, string ActivityType, string Body, JsonObject Data);
