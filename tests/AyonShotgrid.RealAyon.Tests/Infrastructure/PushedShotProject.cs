using System.Net.Http.Json;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>A ShotGrid project of one shot at the root, prepared and synced into real AYON, with the push switched on.</summary>
public sealed record PushedShotProject(long ProjectId, long Shot, string AyonName)
{
    public static async Task<PushedShotProject> CreateAsync(SyncDeployment deployment, string stem)
    {
        var sg = deployment.Cluster.ShotGrid.Store;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var projectId = sg.CreateProject($"{stem} {suffix}", code: $"{stem.ToLowerInvariant()[..2]}{suffix}");
        sg.SetNavchains(projectId, new() { ["Shot"] = "__flat__" });
        var shot = sg.Create("Shot", new() { ["code"] = "sh010", ["project"] = new EntityLink("Project", projectId) });
        using var gateway = deployment.Gateway();
        var ayonName = (await gateway.PrepareAsync(projectId)).GetProperty("ayonProjectName").GetString()!;
        Assert.Equal("succeeded", (await gateway.SyncAsync(projectId)).GetProperty("state").GetString());
        using var settings = await gateway.PutAsJsonAsync($"api/shotgrid/projects/{projectId}/settings", new { pushToShotGrid = true });
        Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        return new PushedShotProject(projectId, shot, ayonName);
    }
}
