using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>Tags, task assignees and mapped attributes changed in AYON reach ShotGrid once, never come back, and meet the conflict rule.</summary>
[Collection(PushCollection.Name)]
public sealed class FieldPushTests(PushFixture fixture)
{
    private ShotGridStore Sg => fixture.ShotGrid.Store;

    [Fact]
    public async Task TagsAssigneesAndMappedAttributesChangedInAyonReachShotGridOnceAndNeverComeBack()
    {
        var (name, projectId, shot, _) = await fixture.PushedOneShotProjectAsync("PushFields");
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id;
        using var person = new AyonPerson(fixture.Ayon);
        var (task, sgTask) = await fixture.PushedTaskAsync(person, name, folder, "layout");
        var hero = ShotGridSeeder.AddTag(Sg, "hero");
        var fresh = "fx_" + name.ToLowerInvariant();
        var artist = ShotGridSeeder.AddHumanUser(Sg, "fields.artist." + name, "Fields Artist");
        var (linked, unlinked) = ("fields_" + name.ToLowerInvariant(), "nolink_" + name.ToLowerInvariant());
        fixture.Ayon.Store.AddUser(linked, "Fields Artist", artist);
        fixture.Ayon.Store.AddUser(unlinked, "Not In ShotGrid");

        // What a coordinator does in AYON: tags the shot, retimes it, assigns and describes the task.
        await person.UpdateAsync(name, "folder", folder, new JsonObject
        {
            ["tags"] = new JsonArray("hero", fresh), ["attrib"] = new JsonObject { ["frameStart"] = 1010 },
        });
        await person.UpdateAsync(name, "task", task, new JsonObject
        {
            ["assignees"] = new JsonArray(linked, unlinked), ["attrib"] = new JsonObject { ["description"] = "block the chase" },
        });

        await Eventually.WaitAsync(
            () => Task.FromResult(Sg.Get("Task", sgTask)!), t => t.TextField("sg_description") == "block the chase", $"the task description to reach ShotGrid Task {sgTask}");
        var shotFields = await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Shot", shot)!), s => Links(s, "tags").Count == 2, $"the tags to reach ShotGrid Shot {shot}");
        Assert.Contains(hero, Links(shotFields, "tags"));
        var made = Assert.Single(Sg.FindIds("Tag", "name", fresh));
        Assert.Contains(made, Links(shotFields, "tags"));
        Assert.Single(Sg.FindIds("Tag", "name", "hero"));
        Assert.Equal("1010", shotFields.TextField("sg_cut_in"));
        Assert.Equal([artist], Links(Sg.Get("Task", sgTask)!, "task_assignees"));
        var push = await fixture.PushStatusAsync(projectId);
        Assert.Contains(push.GetProperty("issues").EnumerateArray(), i => i.GetProperty("reason").GetString()!.Contains($"'{unlinked}' is assigned but is not linked", StringComparison.Ordinal));

        // Each field was written once by the cluster, and nothing it wrote came back to AYON; more rounds change nothing.
        await BothDirections.RoundsAsync(fixture);
        var counts = Counts(name, shot, sgTask, folder, task);
        Assert.Equal((Tags: 1, CutIn: 1, Assignees: 1, Description: 1, AyonEchoes: 0), counts);
        await BothDirections.RoundsAsync(fixture);
        Assert.Equal(counts, Counts(name, shot, sgTask, folder, task));
    }

    [Fact]
    public async Task TheSameFieldChangedOnBothSidesWithinOnePollFollowsTheConflictRule()
    {
        // No leecher writes to AYON here: the push alone decides, from AYON's event time and ShotGrid's updated_at.
        var (name, projectId, shot, _) = await fixture.PushedOneShotProjectAsync("PushConflict", applyChanges: false);
        var folder = fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id;
        using var person = new AyonPerson(fixture.Ayon);
        var (task, sgTask) = await fixture.PushedTaskAsync(person, name, folder, "light");
        var sgTag = ShotGridSeeder.AddTag(Sg, "sg_side_" + name.ToLowerInvariant());

        // ShotGrid does not answer the push while both sides change: the next round sees both changes at once.
        fixture.ShotGrid.Faults.Down = true;
        try
        {
            Sg.Update("Task", sgTask, new() { ["sg_description"] = "changed in sg first" });
            await person.UpdateAsync(name, "task", task, new JsonObject { ["attrib"] = new JsonObject { ["description"] = "changed in ayon later" } });
            await person.UpdateAsync(name, "folder", folder, new JsonObject { ["tags"] = new JsonArray("ayon_side") });

            // ShotGrid's updated_at has whole seconds: its change is later only from the next second on.
            var ayonChanged = DateTimeOffset.UtcNow;
            await Eventually.WaitAsync(() => Task.FromResult(DateTimeOffset.UtcNow), now => now.ToUnixTimeSeconds() > ayonChanged.ToUnixTimeSeconds(), "the next second");
            Sg.Update("Shot", shot, new() { ["tags"] = new List<EntityLink> { new("Tag", sgTag) } });
        }
        finally
        {
            fixture.ShotGrid.Faults.Down = false;
        }

        var push = await Eventually.WaitAsync(
            () => fixture.PushStatusAsync(projectId), p => p.GetProperty("conflicts").GetArrayLength() >= 2, "both conflicts in the push status");
        var conflicts = push.GetProperty("conflicts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (Ayon: c.GetProperty("ayonValue").GetString(), ShotGrid: c.GetProperty("shotGridValue").GetString(), Winner: c.GetProperty("winner").GetString()));
        Assert.Equal(("ayon_side", "sg_side_" + name.ToLowerInvariant(), "ShotGrid"), conflicts["tags"]);
        Assert.Equal(("changed in ayon later", "changed in sg first", "AYON"), conflicts["sg_description"]);

        // The later change stays: ShotGrid's tags, AYON's description.
        await Eventually.WaitAsync(() => Task.FromResult(Sg.Get("Task", sgTask)!.TextField("sg_description")), d => d == "changed in ayon later", "AYON's later description to win");
        Assert.Equal([sgTag], Links(Sg.Get("Shot", shot)!, "tags"));
        Assert.Empty(Sg.FindIds("Tag", "name", "ayon_side"));
    }

    private static List<long> Links(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is List<EntityLink> links ? links.Select(l => l.Id).ToList() : [];

    private (int Tags, int CutIn, int Assignees, int Description, int AyonEchoes) Counts(string project, long shot, long sgTask, string folder, string task)
    {
        int ClusterWrites(string type, long id, string field) => Sg.Events.Count(e => e.EntityType == type && e.EntityId == id && e.AttributeName == field
            && e.EventType == $"Shotgun_{type}_Change" && e.User?.Id == fixture.ShotGrid.ScriptApiUserId && e.Meta["in_create"]?.GetValue<bool>() != true);
        var echoes = fixture.Ayon.Store.Events.Count(e => e.Project == project && e.Sender?.StartsWith("ayonsg.", StringComparison.Ordinal) == true
            && (e.Summary["entityId"]?.ToString() == folder || e.Summary["entityId"]?.ToString() == task)
            && e.Topic is "entity.folder.tags_changed" or "entity.folder.attrib_changed" or "entity.task.assignees_changed" or "entity.task.attrib_changed"
            && !(e.Payload["newValue"] is JsonObject changed && changed.All(p => p.Key is "shotgridId" or "shotgridType")));
        return (ClusterWrites("Shot", shot, "tags"), ClusterWrites("Shot", shot, "sg_cut_in"), ClusterWrites("Task", sgTask, "task_assignees"),
            ClusterWrites("Task", sgTask, "sg_description"), echoes);
    }
}
