namespace AyonShotgrid.Grains.Mapping;

/// <summary>Where a new ShotGrid entity goes under its AYON parent, decided by <see cref="EntityMapping.Place"/>.</summary>
internal abstract record Placement
{
    /// <summary>Create it with <paramref name="Name"/>; <paramref name="RenamedBecause"/> says why that is not its own name.</summary>
    public sealed record Create(string Name, string? RenamedBecause) : Placement;

    /// <summary>An AYON entity of that name made by hand, without a ShotGrid link, is the same thing: link it.</summary>
    public sealed record Link(NameHolder Existing) : Placement;

    /// <summary>Not created (its children neither), for the reason given.</summary>
    public sealed record Skip(string Reason) : Placement;
}
