namespace AyonShotgrid.Contracts.Models;

/// <summary>What an entity grain did with the events it was given.</summary>
/// <param name="Errors">Reasons for failed events ("event 123: AYON refused …").</param>
[GenerateSerializer, Immutable, Alias("ayonsg.entity-apply-result.v1")]
public sealed record EntityApplyResult(int Applied, int Ignored, int Failed, IReadOnlyList<string> Errors);
