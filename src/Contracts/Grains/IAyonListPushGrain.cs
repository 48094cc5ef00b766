using AyonShotgrid.Contracts.Models;
using Orleans.Concurrency;

namespace AyonShotgrid.Contracts.Grains;

/// <summary>
/// One project's AYON entity lists of versions → ShotGrid Playlists, while the project's push is on: follows the
/// project's <c>entity_list.*</c> events with a durable cursor of its own. Key: <see cref="GrainKeys.ListPush"/>.
/// </summary>
[Alias("ayonsg.IAyonListPushGrain")]
public interface IAyonListPushGrain : IGrainWithStringKey
{
    /// <summary>Reads the project's new list events and pushes the lists they name; returns how many events it read.</summary>
    [Alias("PollAsync")]
    Task<int> PollAsync();

    [Alias("GetStatusAsync"), AlwaysInterleave]
    Task<ListPushStatus> GetStatusAsync();
}

/// <summary>What the list push did: playlists created and updated, own events skipped, what it could not do.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.list-push-status.v1")]
public sealed record ListPushStatus(
    bool Enabled, string? Cursor, int EventsRead, int OwnEventsSkipped, int Created, int Updated, int Retired,
    IReadOnlyList<string> Issues, string? LastError);
