namespace AyonShotgrid.Contracts.Models;

/// <summary>One ShotGrid EventLogEntry reduced to what routing and applying need.</summary>
/// <param name="Kind">"New", "Change", "Retirement" or "Revival" (the suffix of <c>Shotgun_&lt;Type&gt;_&lt;Kind&gt;</c>).</param>
/// <param name="EntityType">From <c>meta.entity_type</c> (the <c>entity</c> link is null once the entity is retired).</param>
/// <param name="InCreate">A Change row written as part of a create.</param>
/// <param name="ByOwnUser">Written by the integration's own ShotGrid script user.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.event-log-item.v1")]
public sealed record EventLogItem(
    long Id,
    string EventType,
    string Kind,
    string EntityType,
    long EntityId,
    long ProjectId,
    string? AttributeName,
    bool InCreate,
    bool ByOwnUser,
    DateTimeOffset CreatedAt);
