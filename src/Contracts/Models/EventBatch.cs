namespace AyonShotgrid.Contracts.Models;

/// <summary>
/// What the leecher hands a project on one poll: the project's events above its watermark, and what the leecher
/// learned about the id sequence (<paramref name="MaxVisibleId"/>: every id up to it was checked;
/// <paramref name="MissingIds"/>: ids not yet visible, possibly committed late; <paramref name="Malformed"/>: the
/// project's rows in the range that cannot be applied, for its report).
/// </summary>
[GenerateSerializer, Immutable, Alias("ayonsg.event-batch.v1")]
public sealed record EventBatch(IReadOnlyList<EventLogItem> Events, long MaxVisibleId, IReadOnlyList<long> MissingIds, DateTimeOffset ObservedAt, IReadOnlyList<MalformedEvent>? Malformed = null);
