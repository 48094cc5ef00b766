namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A Relay connection page.</summary>
internal sealed record Page<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo);

internal sealed record Edge<T>(T Node, string Cursor);

internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
