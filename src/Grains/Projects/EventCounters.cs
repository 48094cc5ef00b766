using AyonShotgrid.Contracts.Models;

namespace AyonShotgrid.Grains.Projects;

/// <summary>What the leecher did for a project (plain JSON state; add members with defaults).</summary>
[GenerateSerializer, Alias("ayonsg.event-counters.v1")]
public sealed class EventCounters
{
    [Id(0)] public long Applied { get; set; }

    [Id(1)] public long Ignored { get; set; }

    [Id(2)] public long Failed { get; set; }

    [Id(3)] public List<string> LastErrors { get; set; } = [];

    [Id(4)] public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>Rows that are not entity events the sync can read.</summary>
    [Id(5)] public long Malformed { get; set; }

    [Id(6)] public List<string> LastMalformed { get; set; } = [];

    /// <summary>Events whose entity was deleted in ShotGrid before they were read (not counted in <see cref="Ignored"/>).</summary>
    [Id(7)] public long DeletedBeforeRead { get; set; }

    /// <summary>The latest of them (bounded, so the status does not grow with the project's history).</summary>
    [Id(8)] public List<string> LastDeletedBeforeRead { get; set; } = [];

    public const int ListedDeletedBeforeRead = 50;

    public void AddDeletedBeforeRead(long eventId, string entityType, long entityId)
    {
        DeletedBeforeRead++;
        LastDeletedBeforeRead.Add($"event {eventId}: {entityType} {entityId} deleted in ShotGrid before the event was read");
        if (LastDeletedBeforeRead.Count > ListedDeletedBeforeRead)
        {
            LastDeletedBeforeRead.RemoveAt(0);
        }
    }

    public void AddMalformed(MalformedEvent e)
    {
        Malformed++;
        LastMalformed.Add($"event {e.Id}: {e.Reason}");
        if (LastMalformed.Count > 20)
        {
            LastMalformed.RemoveAt(0);
        }
    }

    public void AddError(string error)
    {
        LastErrors.Add(error);
        if (LastErrors.Count > 20)
        {
            LastErrors.RemoveAt(0);
        }
    }
}
