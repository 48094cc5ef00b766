using AyonShotgrid.Contracts;
using AyonShotgrid.Contracts.Grains;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Playlists;

/// <summary>
/// Keeps one ShotGrid Playlist as an AYON entity list. Non-reentrant, so the leecher's events, the full sync and the
/// relink reminder never write the list at the same time. Each of them brings the list to the playlist as read
/// (<see cref="PlaylistListWriter"/>), so the order in which they come cannot leave a stale list behind for long.
/// </summary>
public sealed partial class ShotGridPlaylistGrain(
    [PersistentState("playlist", StorageNames.Sync)] IPersistentState<ShotGridPlaylistGrainState> state,
    PlaylistReader reader,
    PlaylistListWriter writer,
    IAyonEntityLists lists,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<PlaylistOptions> options,
    ILogger<ShotGridPlaylistGrain> logger) : Grain, IShotGridPlaylistGrain, IRemindable
{
    private const string RelinkReminder = "relink";

    private (long Project, long Playlist) Key => GrainKeys.ParsePlaylist(this.GetPrimaryKeyString());

    async Task<EntityApplyResult> IShotGridPlaylistGrain.ApplyAsync(string ayonProject, IReadOnlyList<EventLogItem> events, PlaylistSnapshot snapshot)
    {
        var s = state.State;
        var todo = events.Where(e => e.Id > s.LastAppliedEventId).ToList();
        if (todo.Count == 0)
        {
            return new EntityApplyResult(0, events.Count, 0, []);
        }

        var problems = await ConvergeAsync(ayonProject, snapshot);
        s.LastAppliedEventId = todo.Max(e => e.Id);
        await state.WriteStateAsync();
        return new EntityApplyResult(todo.Count, events.Count - todo.Count, 0, problems);
    }

    async Task<IReadOnlyList<string>> IShotGridPlaylistGrain.SyncAsync(string ayonProject, PlaylistSnapshot snapshot)
    {
        var problems = await ConvergeAsync(ayonProject, snapshot);
        await state.WriteStateAsync();
        return problems;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RelinkReminder || state.State.AyonProjectName is not { } project)
        {
            return;
        }

        var (sgProject, playlist) = Key;
        var read = await reader.ReadAsync(sgProject, [playlist], CancellationToken.None);
        await ConvergeAsync(project, read.GetValueOrDefault(playlist) ?? PlaylistReader.Gone);
        await state.WriteStateAsync();
    }

    private async Task<IReadOnlyList<string>> ConvergeAsync(string ayonProject, PlaylistSnapshot snapshot)
    {
        var s = state.State;
        var (sgProject, playlist) = Key;
        s.AyonProjectName = ayonProject;
        s.AyonListId ??= snapshot.AyonListId ?? AyonIds.For(sgOptions.Value.SiteName, ayonProject, $"{PlaylistReader.EntityType}:{playlist}");
        IReadOnlyList<string> problems = [];
        if (!snapshot.Exists)
        {
            // Retired in ShotGrid: the list goes (a revival brings it back with the same id and the playlist's versions).
            await lists.DeleteListAsync(ayonProject, s.AyonListId, CancellationToken.None);
            s.Deleted = true;
            s.Unlinked = 0;
        }
        else
        {
            var outcome = await writer.ConvergeAsync(ayonProject, s.AyonListId, playlist, snapshot, CancellationToken.None);
            s.Deleted = false;
            s.Unlinked = outcome.Unlinked;
            problems = outcome.Problems;
        }

        s.LastProblems = [.. problems];
        await KeepRelinkReminderAsync(s.Unlinked > 0);
        if (problems.Count > 0)
        {
            LogLeftOut(logger, sgProject, playlist, s.Unlinked);
        }

        return problems;
    }

    /// <summary>While versions are left out the grain looks again on a reminder: linking a Version writes nothing this grain hears of.</summary>
    private async Task KeepRelinkReminderAsync(bool wanted)
    {
        var existing = await this.GetReminder(RelinkReminder);
        if (wanted && existing is null)
        {
            await this.RegisterOrUpdateReminder(RelinkReminder, options.Value.RelinkPeriod, options.Value.RelinkPeriod);
        }
        else if (!wanted && existing is not null)
        {
            await this.UnregisterReminder(existing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ShotGrid project {SgProjectId}: playlist {PlaylistId} is in AYON without {Unlinked} versions that are not linked yet")]
    private static partial void LogLeftOut(ILogger logger, long sgProjectId, long playlistId, int unlinked);
}
