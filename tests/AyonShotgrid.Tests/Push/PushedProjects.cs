using System.Net.Http.Json;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

public static class PushedProjects
{
    /// <summary>A synced one-shot project switched to push through the gateway's settings endpoint.</summary>
    public static async Task<OneShotProject> PushedOneShotProjectAsync(this SyncFixture fixture, string stem, bool? applyChanges = null)
    {
        var project = await fixture.SyncedOneShotProjectAsync(stem);
        using var gateway = fixture.GatewayClient();
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync(
            $"api/shotgrid/projects/{project.ProjectId}/settings", new { pushToShotGrid = true, applyChanges }));
        Assert.True(settings.GetProperty("push").GetProperty("enabled").GetBoolean());
        Assert.Equal("true", fixture.Ayon.Store.GetProject(project.Name)!.Attrib["shotgridPush"]?.ToString(), StringComparer.OrdinalIgnoreCase);
        return project;
    }

    /// <summary>Creates a task in AYON as a person and waits until the push made its ShotGrid Task and linked it back.</summary>
    public static async Task<(string AyonId, long SgId)> PushedTaskAsync(this SyncFixture fixture, AyonPerson person, string project, string folder, string name)
    {
        var task = await person.CreateTaskAsync(project, name, "Animation", folder);
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Ayon.Store.Tasks(project).Single(t => t.Id == task)),
            t => TestProjects.Attrib(t.Attrib, "shotgridId") is not null,
            $"AYON task {task} to be pushed and linked");
        return (task, Assert.Single(fixture.ShotGrid.Store.FindIds("Task", "sg_ayon_id", task)));
    }

    public static async Task<System.Text.Json.JsonElement> PushStatusAsync(this SyncFixture fixture, long projectId)
    {
        using var gateway = fixture.GatewayClient();
        return (await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"))).GetProperty("push");
    }
}
