using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;
using AyonShotgrid.Tests.Mapping;

namespace AyonShotgrid.Tests.Notes;

/// <summary>
/// The notes switches read from AYON's own project settings of the addon (a project's override of the studio value),
/// under the project's own gateway switch, which wins.
/// </summary>
[Collection(MappingCollection.Name)]
public sealed class NoteSwitchOverrideTests(MappingFixture fixture)
{
    private ShotGridStore Sg => fixture.Sg;

    [Fact]
    public async Task AnAyonProjectSettingSwitchesNotesOffAndTheProjectsOwnSwitchWinsOverIt()
    {
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync("NotesAyonOff", hierarchy: new JsonObject { ["notes_from_shotgrid"] = false, ["notes_to_shotgrid"] = false });
        using var gateway = fixture.GatewayClient();
        var status = await GatewayCalls.ReadOkAsync(await gateway.GetAsync($"api/shotgrid/projects/{projectId}"));
        Assert.Equal((false, false), (status.GetProperty("notesFromShotGrid").GetBoolean(), status.GetProperty("notesToShotGrid").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("notesFromShotGridSetting").ValueKind);

        var project = TestProjects.Link("Project", projectId);
        var shot = Sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = project });
        await fixture.CaughtUpAsync(projectId);
        Sg.Create("Note", new() { ["project"] = project, ["content"] = "while off", ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", shot) } });
        await fixture.CaughtUpAsync(projectId);
        Assert.Empty(Comments(name));

        // The project's own switch wins over AYON's setting.
        var settings = await GatewayCalls.ReadOkAsync(await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { notesFromShotGrid = true }));
        Assert.True(settings.GetProperty("notesFromShotGrid").GetBoolean());
        Sg.Create("Note", new() { ["project"] = project, ["content"] = "while on", ["note_links"] = new List<EntityLink> { TestProjects.Link("Shot", shot) } });
        await Eventually.WaitAsync(() => Task.FromResult(Comments(name)), c => c.Count > 0, "the note made with the project's switch on to become a comment");
        Assert.Contains("while on", Assert.Single(Comments(name)).Body, StringComparison.Ordinal);
    }

    private List<Emulators.Ayon.EmuActivity> Comments(string project) =>
        fixture.Ayon.Store.Activities(project).Where(a => a.ActivityType == "comment").ToList();
}
