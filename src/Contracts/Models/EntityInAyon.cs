namespace AyonShotgrid.Contracts.Models;

/// <summary>The answer of an entity grain asked to make sure it is in AYON (a child asks its parent).</summary>
/// <param name="AyonId">Its AYON id; null when it is not in AYON.</param>
/// <param name="WhyNot">Why it is not (skipped by the duplicate-name policy, refused by AYON); null when it is gone from ShotGrid.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.entity-in-ayon.v1")]
public sealed record EntityInAyon(string? AyonId, string? WhyNot = null);
