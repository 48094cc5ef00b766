namespace AyonShotgrid.Contracts.Models;

/// <summary>What a caller asks of a sync from ShotGrid.</summary>
/// <param name="OverrideDifferences">
/// False (the default): create what is missing and leave existing AYON entities untouched.
/// True: also update labels, statuses and ShotGrid attributes of existing entities that differ.
/// </param>
/// <param name="RequestedBy">Free text for the log and the job status (user name, "ayon-addon", "demo").</param>
[GenerateSerializer, Immutable, Alias("ayonsg.sync-request.v1")]
public sealed record SyncRequest(bool OverrideDifferences = false, string? RequestedBy = null);
