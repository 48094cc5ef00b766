using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Entities;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// Sends a project's events to entity grains: in event order per entity, entities side by side. An entity whose
/// grain throws (a server outage) stops at that event; the rest of its events wait for the next poll.
/// </summary>
internal static class ProjectEventRouter
{
    private static readonly EntitySnapshot NotFound = new(false, "", null, null, null, null, null);

    /// <param name="Gone">Events whose entity was deleted in ShotGrid before they were read.</param>
    /// <param name="AppliedEvents">The events that changed AYON, with the AYON entity they reached: what the event mirror writes.</param>
    public sealed record Outcome(
        int Applied, int Ignored, int Failed, IReadOnlyList<long> DoneIds, long? FirstUnfinishedId, IReadOnlyList<string> Errors,
        IReadOnlyList<GoneEntityEvent> Gone, IReadOnlyList<Mirror.MirroredEvent>? AppliedEvents = null);

    public sealed record GoneEntityEvent(long EventId, string EntityType, long EntityId);

    /// <param name="applyChanges">The project lets the leecher apply changes to existing AYON entities.</param>
    /// <param name="readEntities">Reads entities of one type by id in one ShotGrid query (missing ones absent).</param>
    /// <param name="maxParallelEntities">
    /// Entity grains applied at once (Sync:MaxParallelEntities). Unbounded, a page of 500 events activated 500 entity
    /// grains together, each reading and writing PostgreSQL, and a three-silo cluster ran out of database connections.
    /// </param>
    public static async Task<Outcome> RouteAsync(
        IGrainFactory grains, string site, long sgProjectId, IReadOnlyList<EventLogItem> events, bool applyChanges,
        Func<string, IReadOnlyCollection<long>, Task<IReadOnlyDictionary<long, EntitySnapshot>>> readEntities, int maxParallelEntities = 16)
    {
        var done = new List<long>();
        var ignored = 0;
        var routed = new List<EventLogItem>();
        foreach (var e in events)
        {
            // Our own writes come back as events; entity types without an AYON counterpart (Project, Step) have nothing to apply.
            if (e.ByOwnUser || !(SyncEntityTypes.IsFolderEntity(e.EntityType) || e.EntityType == SyncEntityTypes.Task))
            {
                ignored++;
                done.Add(e.Id);
            }
            else
            {
                routed.Add(e);
            }
        }

        // A new or changed Pipeline Step is a new AYON task type: take it in before tasks that use it are created.
        if (events.Any(e => e.EntityType == SyncEntityTypes.Step && !e.ByOwnUser))
        {
            await grains.GetGrain<Entities.IAyonProjectIndexGrain>(GrainKeys.AyonIndex(site, sgProjectId)).ReloadAsync();
        }

        var groups = routed.GroupBy(e => (e.EntityType, e.EntityId)).Select(g => g.OrderBy(e => e.Id).ToList()).ToList();

        // One ShotGrid query per entity type for the whole page, instead of one read per entity grain.
        var snapshots = new Dictionary<(string, long), EntitySnapshot>();
        foreach (var byType in groups.Where(g => g.Any(e => e.Kind is "New" or "Revival" or "Change")).GroupBy(g => g[0].EntityType))
        {
            var ids = byType.Select(g => g[0].EntityId).ToList();
            var found = await readEntities(byType.Key, ids);
            foreach (var id in ids)
            {
                snapshots[(byType.Key, id)] = found.TryGetValue(id, out var snapshot) ? snapshot : NotFound;
            }
        }

        using var slots = new SemaphoreSlim(maxParallelEntities);
        var results = await Task.WhenAll(groups.Select(async g =>
        {
            var grain = grains.GetGrain<IShotGridEntityGrain>(GrainKeys.Entity(site, sgProjectId, g[0].EntityType, g[0].EntityId));
            await slots.WaitAsync();
            try
            {
                return (Events: g, Result: await grain.ApplyAsync(g, snapshots.GetValueOrDefault((g[0].EntityType, g[0].EntityId)), applyChanges), Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Events: g, Result: (EntityApplyResult?)null, Error: e);
            }
            finally
            {
                slots.Release();
            }
        }));

        int applied = 0, failed = 0;
        long? firstUnfinished = null;
        var errors = new List<string>();
        var gone = new List<GoneEntityEvent>();
        var appliedEvents = new List<Mirror.MirroredEvent>();
        foreach (var (group, result, error) in results)
        {
            if (result is not null)
            {
                if (result.AyonId is { } ayonId)
                {
                    var appliedIds = (result.AppliedEventIds ?? []).ToHashSet();
                    appliedEvents.AddRange(group.Where(e => appliedIds.Contains(e.Id))
                        .Select(e => new Mirror.MirroredEvent(e.Id, e.EventType, e.EntityType, e.EntityId, e.AttributeName, ayonId)));
                }

                gone.AddRange((result.GoneEventIds ?? []).Select(id => new GoneEntityEvent(id, group[0].EntityType, group[0].EntityId)));
                applied += result.Applied;
                ignored += result.Ignored;
                failed += result.Failed;
                errors.AddRange(result.Errors);
                done.AddRange(group.Select(e => e.Id));
            }
            else
            {
                firstUnfinished = Math.Min(firstUnfinished ?? long.MaxValue, group[0].Id);
                errors.Add($"{group[0].EntityType} {group[0].EntityId}: will retry from event {group[0].Id}: {error!.Message}");
            }
        }

        return new Outcome(applied, ignored, failed, done, firstUnfinished, errors, gone, appliedEvents);
    }
}
