namespace AyonShotgrid.Contracts.Models;

/// <summary>Outcome of Prepare Project.</summary>
/// <param name="AyonProjectName">Name of the AYON project linked to the ShotGrid project.</param>
/// <param name="ProjectCreated">True when this call created the AYON project.</param>
/// <param name="Changes">What this call changed (attributes, folder types, task types, statuses); empty when nothing was needed.</param>
/// <param name="Notes">Things the caller should know, e.g. that the ShotGrid name was not a valid AYON name.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.prepare-result.v1")]
public sealed record PrepareResult(
    long SgProjectId,
    string AyonProjectName,
    bool ProjectCreated,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Notes);
