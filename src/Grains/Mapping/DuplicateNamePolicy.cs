namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// What to do when ShotGrid siblings map to the same AYON name (AYON names are unique per parent, case-insensitively).
/// The entity already in AYON, or else the one with the lowest ShotGrid id, keeps the name.
/// </summary>
public enum DuplicateNamePolicy
{
    /// <summary>The others get "_sg&lt;id&gt;" appended (stable across runs, listed as renamed).</summary>
    Suffix,

    /// <summary>The others are not created and are listed as skipped.</summary>
    Skip,
}

/// <summary>The policy as settings spell it ("suffix", "skip"; validated where the settings are read).</summary>
public static class DuplicateNamePolicies
{
    public static DuplicateNamePolicy Parse(string? setting) => setting == "skip" ? DuplicateNamePolicy.Skip : DuplicateNamePolicy.Suffix;
}
