namespace AyonShotgrid.Contracts.Models;

/// <summary>An EventLogEntry row the sync cannot apply as it is (no entity, no project, wrong shapes): counted and listed, never retried.</summary>
[GenerateSerializer, Immutable, Alias("ayonsg.malformed-event.v1")]
public sealed record MalformedEvent(long Id, string Reason);
