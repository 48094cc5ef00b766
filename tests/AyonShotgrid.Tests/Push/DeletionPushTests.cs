using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>By default a deletion in AYON keeps the ShotGrid entity and says so in the project status.</summary>
[Collection(PushCollection.Name)]
public sealed class DeletionPushTests(PushFixture fixture)
{
    [Fact]
    public async Task ATaskDeletedInAyonIsKeptInShotGridAndReported()
    {
        var (name, projectId, shot, _) = await fixture.PushedOneShotProjectAsync("PushKeep");
        using var person = new AyonPerson(fixture.Ayon);
        var (task, sgTask) = await fixture.PushedTaskAsync(person, name, fixture.Ayon.Store.FolderOf(name, "Shot", shot).Id, "roto");

        await person.DeleteAsync(name, "task", task);

        var push = await Eventually.WaitAsync(
            () => fixture.PushStatusAsync(projectId),
            p => p.GetProperty("issues").EnumerateArray().Any(i => i.GetProperty("name").GetString() == task),
            $"the deletion of AYON task {task} in the push status");
        var issue = push.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("name").GetString() == task);
        Assert.Equal(("kept", "deleted in AYON, kept in ShotGrid (Push:RetireDeleted is off)"), (issue.GetProperty("kind").GetString(), issue.GetProperty("reason").GetString()));
        Assert.NotNull(fixture.ShotGrid.Store.Get("Task", sgTask));
        Assert.DoesNotContain(fixture.ShotGrid.Store.Events, e => e.EntityType == "Task" && e.EntityId == sgTask && e.EventType == "Shotgun_Task_Retirement");
    }
}

/// <summary>With <c>Push:RetireDeleted</c>, a deletion in AYON retires the ShotGrid entity through a <c>_batch</c> delete.</summary>
[Collection(RetiringPushCollection.Name)]
public sealed class RetiringDeletionPushTests(RetiringPushFixture fixture)
{
    [Fact]
    public async Task AFolderAndATaskDeletedInAyonAreRetiredInShotGrid()
    {
        var (name, projectId, shot, _) = await fixture.PushedOneShotProjectAsync("PushRetire");
        using var person = new AyonPerson(fixture.Ayon);
        var folder = await person.CreateFolderAsync(name, "sh_gone", "Shot", fixture.Ayon.Store.FolderOf(name, "Shot", shot).ParentId);
        var (task, sgTask) = await fixture.PushedTaskAsync(person, name, folder, "comp");
        var sgShot = Assert.Single(fixture.ShotGrid.Store.FindIds("Shot", "sg_ayon_id", folder));

        await person.DeleteAsync(name, "task", task);
        await person.DeleteAsync(name, "folder", folder);

        await Eventually.WaitAsync(
            () => Task.FromResult((Task: fixture.ShotGrid.Store.Get("Task", sgTask), Shot: fixture.ShotGrid.Store.Get("Shot", sgShot))),
            r => r.Task is null && r.Shot is null, $"ShotGrid Task {sgTask} and Shot {sgShot} to be retired");
        Assert.NotNull(fixture.ShotGrid.Store.Get("Shot", shot));
        Assert.Contains(fixture.ShotGrid.Store.Events, e => e.EntityType == "Task" && e.EntityId == sgTask && e.EventType == "Shotgun_Task_Retirement"
            && e.User?.Id == fixture.ShotGrid.ScriptApiUserId);
        var issues = (await fixture.PushStatusAsync(projectId)).GetProperty("issues").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("kind").GetString() == "retired" && i.GetProperty("name").GetString() == task);
        Assert.Contains(issues, i => i.GetProperty("kind").GetString() == "retired" && i.GetProperty("name").GetString() == folder);
    }
}
