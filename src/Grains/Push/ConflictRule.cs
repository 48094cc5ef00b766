namespace AyonShotgrid.Grains.Push;

/// <summary>
/// The declared conflict rule of the push. A field changed in AYON is pushed unless ShotGrid changed the same field too
/// since AYON last had it (ShotGrid's value is neither AYON's old nor its new value): then it is a conflict, and the
/// later change wins — AYON's event time against ShotGrid's <c>updated_at</c>. When ShotGrid wins, nothing is pushed and
/// the leecher (with applyChanges) brings ShotGrid's value to AYON; when AYON wins it is pushed. Both values are kept in
/// the project status either way.
/// </summary>
public static class ConflictRule
{
    public enum Verdict
    {
        /// <summary>ShotGrid already has the new value: nothing to write.</summary>
        AlreadyThere,

        /// <summary>ShotGrid still has what AYON had before: push.</summary>
        Push,

        /// <summary>Both changed; AYON's change is the later one: push, and report the conflict.</summary>
        ConflictAyonWins,

        /// <summary>Both changed; ShotGrid's change is the later one: do not push, report the conflict.</summary>
        ConflictShotGridWins,
    }

    public static Verdict Decide(string? ayonOld, string? ayonNew, string? shotGrid, DateTimeOffset ayonChangedAt, DateTimeOffset? shotGridUpdatedAt)
    {
        if (string.Equals(shotGrid, ayonNew, StringComparison.Ordinal))
        {
            return Verdict.AlreadyThere;
        }

        if (string.Equals(shotGrid, ayonOld, StringComparison.Ordinal))
        {
            return Verdict.Push;
        }

        return shotGridUpdatedAt is { } sgAt && sgAt > ayonChangedAt ? Verdict.ConflictShotGridWins : Verdict.ConflictAyonWins;
    }
}
