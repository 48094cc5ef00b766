namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>The parts of a ShotGrid field schema record the sync uses.</summary>
/// <param name="ValidValues">For list/status_list fields; empty otherwise.</param>
/// <param name="DisplayValues">For list/status_list fields: code → display name.</param>
public sealed record SgField(
    string Name,
    string DisplayName,
    string DataType,
    IReadOnlyList<string> ValidValues,
    IReadOnlyDictionary<string, string> DisplayValues,
    IReadOnlyList<string> ValidTypes);
