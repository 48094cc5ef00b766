using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// ShotGrid HumanUser id → AYON user name, from the users' <c>data.sg_user_id</c> (the link ayon-shotgrid keeps, so a
/// studio moving over keeps its links). Users are never created here: an assignee without a linked AYON user is left
/// out and reported. When two AYON users claim one HumanUser, the first by name wins (deterministic).
/// </summary>
public sealed class UserMap
{
    private readonly Dictionary<long, string> _bySgId = [];
    private readonly HashSet<string> _linkedNames = new(StringComparer.Ordinal);

    public UserMap(IEnumerable<KeyValuePair<long, string>> links)
    {
        foreach (var (sgId, name) in links.OrderBy(l => l.Value, StringComparer.Ordinal))
        {
            _bySgId.TryAdd(sgId, name);
            _linkedNames.Add(name);
        }
    }

    public static UserMap Empty { get; } = new([]);

    public static UserMap From(IEnumerable<Ayon.AyonUser> users) =>
        new(users.Where(u => u.ShotGridUserId is not null).Select(u => KeyValuePair.Create(u.ShotGridUserId!.Value, u.Name)));

    /// <summary>The links as plain pairs (what the project index hands to entity grains).</summary>
    public IReadOnlyDictionary<long, string> Links => _bySgId;

    /// <summary>Whether an AYON user is linked to some ShotGrid HumanUser (an unlinked one can only have been assigned in AYON).</summary>
    public bool IsLinked(string ayonName) => _linkedNames.Contains(ayonName);

    /// <summary>The AYON names of ShotGrid assignees, in ShotGrid's order; <paramref name="unresolved"/> gets why each other one was left out.</summary>
    public List<string> Resolve(IReadOnlyList<SgEntityRef> assignees, Action<string> unresolved)
    {
        var names = new List<string>();
        foreach (var assignee in assignees)
        {
            if (assignee.Type != "HumanUser")
            {
                unresolved($"ShotGrid {assignee.Type} '{assignee.Name}' ({assignee.Id}) is assigned; only HumanUsers map to AYON users, so it is left out of the AYON assignees");
            }
            else if (_bySgId.TryGetValue(assignee.Id, out var name))
            {
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
            else
            {
                unresolved($"ShotGrid HumanUser '{assignee.Name}' ({assignee.Id}) is assigned, but no active AYON user is linked to it (data.sg_user_id); left out of the AYON assignees");
            }
        }

        return names;
    }

    /// <summary>
    /// The AYON assignees a task should have: the linked ShotGrid assignees, plus whoever AYON has that no ShotGrid user
    /// stands for (assigned in AYON; ShotGrid cannot say anything about them).
    /// </summary>
    public List<string> Wanted(IReadOnlyList<string> current, IReadOnlyList<string> fromShotGrid)
    {
        var wanted = current.Where(n => fromShotGrid.Contains(n, StringComparer.Ordinal) || !IsLinked(n)).ToList();
        wanted.AddRange(fromShotGrid.Where(n => !wanted.Contains(n, StringComparer.Ordinal)));
        return wanted;
    }

    /// <summary>Lists compared as sets (AYON keeps the order it was given; ShotGrid's order means nothing).</summary>
    public static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).SetEquals(b);
}
