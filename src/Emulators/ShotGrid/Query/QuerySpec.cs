namespace AyonShotgrid.Emulators.ShotGrid;

internal sealed record QuerySpec(
    EntityDef Def,
    FilterNode? Filter,
    bool RetiredOnly,
    bool IncludeArchivedProjects,
    IReadOnlyList<SortKey> Sort,
    int PageNumber,
    int PageSize);
