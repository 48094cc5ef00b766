namespace AyonShotgrid.Contracts.Models;

/// <summary>What an entity grain did with the events it was given.</summary>
/// <param name="Errors">Reasons for failed events ("event 123: AYON refused …").</param>
/// <param name="GoneEventIds">
/// Events that would have created the entity, but it was deleted (retired) in ShotGrid before they were read: nothing
/// to create. Counted apart from <paramref name="Ignored"/> and listed in the project's status.
/// </param>
/// <param name="AppliedEventIds">The events that changed AYON, for the project's event mirror (AYON's event log).</param>
/// <param name="AyonId">The entity's AYON id after the call (null when it is not in AYON).</param>
[GenerateSerializer, Immutable, Alias("ayonsg.entity-apply-result.v1")]
public sealed record EntityApplyResult(int Applied, int Ignored, int Failed, IReadOnlyList<string> Errors, IReadOnlyList<long>? GoneEventIds = null,
    IReadOnlyList<long>? AppliedEventIds = null, string? AyonId = null);
