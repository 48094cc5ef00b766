namespace AyonShotgrid.Grains.Prepare;

/// <summary>A Pipeline Step as AYON's task type list needs it.</summary>
public sealed record SgStep(long Id, string Code, string ShortName, string EntityType, string? Color);

/// <summary>What the ShotGrid site defines that becomes AYON anatomy: Pipeline Steps and status codes (code → display name).</summary>
public sealed record ShotGridAnatomy(IReadOnlyList<SgStep> Steps, IReadOnlyList<(string Code, string Display)> Statuses);
