using System.Text.Json.Nodes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// One ShotGrid field a push round wants to write for an AYON change. The <see cref="ConflictRule"/> compares values as
/// text, so lists (tags, assignees) and numbers come in one canonical text form on both sides (<see cref="AyonOld"/>,
/// <see cref="AyonNew"/> and what <see cref="ShotGridText"/> makes of ShotGrid's record).
/// </summary>
/// <param name="Value">What to write, given ShotGrid's current record (assignees keep what AYON cannot stand for).</param>
public sealed record PushField(
    string SgField, string? AyonOld, string? AyonNew, DateTimeOffset At, Func<SgRecord?, string?> ShotGridText, Func<SgRecord?, JsonNode?> Value)
{
    /// <summary>For <c>tags</c>: the Tag names to write, turned into Tag links once the round found or created them.</summary>
    public IReadOnlyList<string>? TagNames { get; init; }

    /// <summary>A text field written as it is (names, status codes).</summary>
    public static PushField Text(string sgField, string? ayonOld, string ayonNew, DateTimeOffset at) =>
        new(sgField, ayonOld, ayonNew, at, r => r?.GetString(sgField), _ => ayonNew);

    /// <summary>A list compared as a set: sorted, one line each.</summary>
    public static string Set(IEnumerable<string> items) => string.Join('\n', items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
