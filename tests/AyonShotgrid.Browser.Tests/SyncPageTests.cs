using AyonShotgrid.Emulators.ShotGrid;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AyonShotgrid.Browser.Tests;

/// <summary>The sync page in a real Chromium against the demo set-up: list, Prepare, Sync, live job, a reported failure.</summary>
[Collection(DemoCollection.Name)]
public sealed class SyncPageTests(DemoSetup demo, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveAttributeOptions JobWait = new() { Timeout = 90_000 };

    private readonly Screenshots _screenshots = new(output);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task AWrongKeyIsReportedAsTheGatewaysRefusal()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(demo.GatewayUrl.ToString());

        await page.GetByLabel("Gateway key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("HTTP 401");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("x-api-key header is not valid");
        await Expect(page.Locator("#projects tbody tr")).ToHaveCountAsync(0);
        await _screenshots.TakeAsync(page, "wrong-key");
    }

    [Fact]
    public async Task PrepareAndSyncFromThePageThenSeeARefusedShotReported()
    {
        var page = await _browser.NewPageAsync();
        var projectId = demo.Project.ProjectId;
        await page.GotoAsync(demo.GatewayUrl.ToString());
        await page.GetByLabel("Gateway key").FillAsync(DemoSetup.GatewayKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        var row = page.Locator($"#projects tr[data-project-id='{projectId}']");
        await Expect(row).ToContainTextAsync("Demo Commercial");
        await Expect(row.Locator(".ayon")).ToContainTextAsync("not linked");
        Assert.Equal(DemoSetup.GatewayKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('ayonsg.gatewayKey')"));
        await _screenshots.TakeAsync(page, "projects-listed");

        await row.GetByRole(AriaRole.Button, new() { Name = "Prepare" }).ClickAsync();
        await Expect(page.Locator("#prepare-summary")).ToContainTextAsync("Prepared: AYON project");
        var ayonProject = await AyonProjectOfAsync(projectId);
        await Expect(row.Locator(".ayon")).ToContainTextAsync(ayonProject);
        await Expect(row.Locator(".events")).ToContainTextAsync("cursor");

        await row.GetByRole(AriaRole.Button, new() { Name = "Sync" }).ClickAsync();
        var job = page.Locator("#job");
        await Expect(job).ToHaveAttributeAsync("data-state", "succeeded", JobWait);
        var inAyon = demo.Ayon.Store.Folders(ayonProject).Count + demo.Ayon.Store.Tasks(ayonProject).Count;
        Assert.True(inAyon > 20, $"the demo project should fill AYON, found {inAyon} entities");
        await Expect(page.Locator("#count-created")).ToHaveTextAsync(inAyon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#count-failed")).ToHaveTextAsync("0");
        await Expect(page.Locator("#count-alreadyPresent")).ToHaveTextAsync("0");
        await Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("value", "100");
        await Expect(page.Locator("#job-percent")).ToHaveTextAsync("100%");
        await Expect(row.Locator(".last-sync")).ToContainTextAsync("succeeded");
        await _screenshots.TakeAsync(page, "sync-succeeded");

        // A new shot AYON refuses: the next sync must say which entity failed and why.
        demo.Ayon.Faults.RejectFolderNames = name => name == "sh_refused";
        try
        {
            demo.ShotGrid.Store.Create("Shot", new()
            {
                ["project"] = new EntityLink("Project", projectId), ["code"] = "sh_refused", ["sg_sequence"] = new EntityLink("Sequence", demo.Project.SequenceIds[0]),
            });
            await page.GetByLabel("Override differences").CheckAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Sync" }).ClickAsync();

            await Expect(job).ToHaveAttributeAsync("data-state", "failed", JobWait);
            await Expect(page.Locator("#count-failed")).ToHaveTextAsync("1");
            await Expect(page.Locator("#count-created")).ToHaveTextAsync("0");
            await Expect(page.Locator("#count-alreadyPresent")).ToHaveTextAsync(inAyon.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.Locator("#job-summary")).ToContainTextAsync("overriding differences");
            var refused = page.Locator("#job-issues li.issue-failed");
            await Expect(refused).ToContainTextAsync("sh_refused");
            await Expect(refused).ToContainTextAsync("AYON refused");
            await Expect(page.Locator("#job-error")).ToContainTextAsync("could not be written");
            await Expect(row.Locator(".last-sync")).ToContainTextAsync("failed");
            Assert.DoesNotContain(demo.Ayon.Store.Folders(ayonProject), f => f.Name == "sh_refused");
            await _screenshots.TakeAsync(page, "sync-failed");
        }
        finally
        {
            demo.Ayon.Faults.RejectFolderNames = null;
        }

        // A dry run of override differences lists the change field by field and writes nothing.
        var shot = demo.Project.ShotIds[0];
        var before = demo.Ayon.Store.Folders(ayonProject).Single(f => f.Attrib.TryGetValue("shotgridId", out var id) && Equals(id?.ToString(), shot.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        demo.ShotGrid.Store.Update("Shot", shot, new() { ["code"] = "renamed on the page" });
        await page.GetByLabel("Dry run").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Sync" }).ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-state", "succeeded", JobWait);
        await Expect(page.Locator("#job-summary")).ToContainTextAsync("dry run");
        var labelChange = page.Locator("#job-changes tbody tr", new() { HasText = "renamed on the page" });
        await Expect(labelChange).ToContainTextAsync("label");
        await Expect(labelChange).ToContainTextAsync(before.Name);
        Assert.Equal(before.Label, demo.Ayon.Store.Folders(ayonProject).Single(f => f.Id == before.Id).Label);
        await _screenshots.TakeAsync(page, "dry-run-changes");

        // The per-project opt-in for the leecher.
        var applyChanges = page.GetByLabel("Leecher applies changes for Demo Commercial");
        await Expect(applyChanges).Not.ToBeCheckedAsync();
        await applyChanges.CheckAsync();
        await Expect(row.Locator(".apply-changes-source")).ToContainTextAsync("set for this project");
        using var gateway = demo.GatewayClient();
        var status = System.Text.Json.JsonDocument.Parse(await gateway.GetStringAsync($"api/shotgrid/projects/{projectId}")).RootElement;
        Assert.True(status.GetProperty("applyChanges").GetBoolean());

        // The hierarchy preset of the project; setting it keeps the leecher opt-in.
        await page.GetByLabel("Hierarchy preset for Demo Commercial").SelectOptionAsync("grouped");
        // The page marks the select with the setting the gateway answered the PUT with.
        await Expect(row.Locator(".hierarchy-preset")).ToHaveAttributeAsync("data-setting", "grouped");
        status = System.Text.Json.JsonDocument.Parse(await gateway.GetStringAsync($"api/shotgrid/projects/{projectId}")).RootElement;
        Assert.Equal("grouped", status.GetProperty("hierarchyPresetSetting").GetString());
        Assert.True(status.GetProperty("applyChangesSetting").GetBoolean());

        // ShotGrid notes → AYON comments: on by default, switched off for this project only; the other settings stay.
        var notes = page.GetByLabel("ShotGrid notes of Demo Commercial become AYON comments");
        await Expect(notes).ToBeCheckedAsync();
        await Expect(row.Locator(".notes-source")).ToContainTextAsync("default");
        await notes.UncheckAsync();
        await Expect(row.Locator(".notes-source")).ToContainTextAsync("set for this project");
        status = System.Text.Json.JsonDocument.Parse(await gateway.GetStringAsync($"api/shotgrid/projects/{projectId}")).RootElement;
        Assert.False(status.GetProperty("notesFromShotGrid").GetBoolean());
        Assert.Equal("grouped", status.GetProperty("hierarchyPresetSetting").GetString());
        Assert.True(status.GetProperty("applyChangesSetting").GetBoolean());

        // AYON comments → ShotGrid notes: its own switch, on by default (it takes effect with the push on).
        var notesTo = page.GetByLabel("AYON comments of Demo Commercial become ShotGrid notes");
        await Expect(notesTo).ToBeCheckedAsync();
        await Expect(row.Locator(".notes-to-source")).ToContainTextAsync("default");
        await notesTo.UncheckAsync();
        await Expect(row.Locator(".notes-to-source")).ToContainTextAsync("set for this project");
        status = System.Text.Json.JsonDocument.Parse(await gateway.GetStringAsync($"api/shotgrid/projects/{projectId}")).RootElement;
        Assert.False(status.GetProperty("notesToShotGrid").GetBoolean());
        Assert.False(status.GetProperty("notesFromShotGrid").GetBoolean());

        // Sync to ShotGrid: refused while the push is off (the page shows how to turn it on), then a dry-run job followed
        // like the sync's (the Dry run box is still checked).
        var syncToShotGrid = row.GetByRole(AriaRole.Button, new() { Name = "Push all of Demo Commercial to ShotGrid" });
        await Expect(syncToShotGrid).ToHaveTextAsync("Sync to ShotGrid");
        await syncToShotGrid.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("HTTP 409");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("pushToShotGrid");
        await page.GetByLabel("Push Demo Commercial from AYON to ShotGrid").CheckAsync();
        await Expect(page.GetByLabel("Push Demo Commercial from AYON to ShotGrid")).ToBeEnabledAsync();
        await syncToShotGrid.ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-state", "succeeded", JobWait);
        await Expect(page.Locator("#job-summary")).ToContainTextAsync("AYON → ShotGrid");
        await Expect(page.Locator("#job-summary")).ToContainTextAsync("dry run");
        await Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("value", "100");
        await Expect(row.Locator(".push-summary")).ToContainTextAsync("Sync to ShotGrid (dry run) succeeded");
        await _screenshots.TakeAsync(page, "sync-to-shotgrid-dry-run");
    }

    private async Task<string> AyonProjectOfAsync(long sgProjectId)
    {
        using var gateway = demo.GatewayClient();
        var status = System.Text.Json.JsonDocument.Parse(await gateway.GetStringAsync($"api/shotgrid/projects/{sgProjectId}")).RootElement;
        return status.GetProperty("ayonProjectName").GetString() ?? throw new InvalidOperationException($"project {sgProjectId} is not linked");
    }
}
