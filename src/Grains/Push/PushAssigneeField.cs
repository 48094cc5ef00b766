using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// AYON task assignees → ShotGrid <c>task_assignees</c>, through each AYON user's <c>data.sg_user_id</c>. Only the
/// HumanUsers some AYON user stands for are AYON's to set: ShotGrid's Groups and unlinked HumanUsers on the task are kept.
/// An assigned AYON user with no link is reported and left out.
/// </summary>
public static class PushAssigneeField
{
    public const string SgField = "task_assignees";
    private const string HumanUser = "HumanUser";

    /// <param name="users">AYON user name → ShotGrid HumanUser id, for every linked AYON user.</param>
    /// <param name="created">Created this round: its assignees are pushed whether or not they changed since.</param>
    public static PushField? For(string id, Ayon.AyonTask task, long sgId, PushWork work, IReadOnlyDictionary<string, long> users, List<SyncIssue> issues, bool created)
    {
        if (task.Assignees is not { } assignees || !(created ? assignees.Count > 0 : work.Changed(id, "assignees_changed")))
        {
            return null;
        }

        foreach (var name in assignees.Where(n => !users.ContainsKey(n)))
        {
            issues.Add(new SyncIssue("skipped", SyncEntityTypes.Task, sgId, task.Label ?? task.Name,
                $"AYON user '{name}' is assigned but is not linked to a ShotGrid HumanUser (data.sg_user_id); left out of ShotGrid's task_assignees"));
        }

        var (old, at) = work.BeforeNode(id, "assignees_changed");
        var oldNames = old is JsonArray list ? list.Select(n => n?.ToString()).OfType<string>() : [];
        var linked = users.Values.ToHashSet();
        var wanted = assignees.Where(users.ContainsKey).Select(n => users[n]).Distinct().ToList();
        return new PushField(
            SgField, Ids(oldNames.Where(users.ContainsKey).Select(n => users[n])), Ids(wanted), at,
            r => r is null ? null : Ids(r.GetLinks(SgField).Where(l => l.Type == HumanUser && linked.Contains(l.Id)).Select(l => l.Id)),
            r => new JsonArray([
                .. wanted.Select(u => new JsonObject { ["type"] = HumanUser, ["id"] = u }),
                .. (r?.GetLinks(SgField) ?? []).Where(l => !(l.Type == HumanUser && linked.Contains(l.Id))).Select(l => new JsonObject { ["type"] = l.Type, ["id"] = l.Id }),
            ]));
    }

    private static string Ids(IEnumerable<long> ids) => PushField.Set(ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
