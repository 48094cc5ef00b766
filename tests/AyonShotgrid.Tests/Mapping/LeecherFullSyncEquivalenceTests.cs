using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// The property behind the one mapping: for a generated ShotGrid project, the AYON project the leecher builds by
/// replaying its events from an empty AYON project equals the one a full sync builds, entity by entity (names,
/// parents, labels, types, statuses, attributes, tags, assignees), under the flat and the grouped hierarchy preset. CI runs a few fixed seeds; run many more with
/// <c>PROPERTY_SEEDS=200</c> (seeds 1…200) or one with <c>PROPERTY_SEED=17</c> (see docs/operations.md).
/// </summary>
[Collection(MappingCollection.Name)]
public sealed class LeecherFullSyncEquivalenceTests(MappingFixture fixture)
{
    private static readonly int[] CiSeeds = [1, 2, 3];

    private ShotGridStore Sg => fixture.Sg;

    public static IEnumerable<int> Seeds()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_SEED"), CultureInfo.InvariantCulture, out var one))
        {
            return [one];
        }

        return int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_SEEDS"), CultureInfo.InvariantCulture, out var many) && many > 0
            ? Enumerable.Range(1, many)
            : CiSeeds;
    }

    [Fact]
    public async Task TheLeecherBuildsTheSameAyonProjectAsTheFullSync()
    {
        foreach (var seed in Seeds())
        {
            try
            {
                await CheckAsync(seed);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed} (run it alone with PROPERTY_SEED={seed}): {e.Message}");
            }
        }
    }

    private async Task CheckAsync(int seed)
    {
        var rng = new Random(seed);
        var run = $"{seed}x{Guid.NewGuid().ToString("N")[..4]}";
        var steps = new[] { "Comp", "Anim" }.Select(code => Sg.Create("Step", new() { ["code"] = code + run, ["short_name"] = code, ["entity_type"] = "Shot" })).ToList();
        var users = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(ShotGridSeeder.AddHumanUser(Sg, $"u{i}{run}", $"User {i}"));
            if (i < 2)
            {
                fixture.Ayon.Store.AddUser($"user{i}.{run}", $"User {i}", shotgridUserId: users[i]);
            }
        }

        var tags = new List<long> { ShotGridSeeder.AddTag(Sg, "hero"), ShotGridSeeder.AddTag(Sg, "night") };
        var policy = rng.Next(2) == 0 ? "suffix" : "skip";
        // Odd seeds group top-level entities (grouping folders with names of their own), even seeds keep ShotGrid's flat tree.
        var hierarchy = GeneratedProject.Hierarchy(seed);
        var (name, projectId) = await fixture.EmptyFollowedProjectAsync($"Prop{seed}", GeneratedProject.Navchains(rng), policy, applyChanges: true, hierarchy);

        var generated = new GeneratedProject(rng, Sg, projectId, () => fixture.CaughtUpAsync(projectId));
        await generated.WriteAsync(users, tags, steps);
        var leecher = await fixture.CaughtUpAsync(projectId);
        var byLeecher = AyonEntities(name);

        await ClearAsync(name);
        using var gateway = fixture.GatewayClient();
        var job = await gateway.SyncAsync(projectId);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        var bySync = AyonEntities(name);

        var differences = bySync.Keys.Union(byLeecher.Keys).Order(StringComparer.Ordinal)
            .Where(id => bySync.GetValueOrDefault(id) != byLeecher.GetValueOrDefault(id))
            .Select(id => $"  full sync: {bySync.GetValueOrDefault(id)?.ToString() ?? "(none)"}\n  leecher:   {byLeecher.GetValueOrDefault(id)?.ToString() ?? "(none)"}")
            .ToList();
        Assert.True(
            differences.Count == 0,
            $"policy {policy}, hierarchy {hierarchy.ToJsonString()}, {generated.Folders.Count} folders and {generated.Tasks.Count} tasks in ShotGrid, retired parents [{string.Join(", ", generated.RetiredParents)}]; {differences.Count} AYON entities differ:\n{string.Join("\n", differences)}\nleecher: {leecher}\nfull sync issues: {job.GetProperty("issues")}");
        Assert.NotEmpty(bySync);
    }

    /// <summary>
    /// Every entity of the AYON project by id (ids are derived from the ShotGrid entity, so both paths give the same). An
    /// empty grouping or asset-category folder is left out: no ShotGrid entity stands behind it, the full sync makes one
    /// only for something to put in it, and the leecher does not delete it when the last entity in it is retired.
    /// </summary>
    private Dictionary<string, AyonEntity> AyonEntities(string project)
    {
        var store = fixture.Ayon.Store;
        var result = new Dictionary<string, AyonEntity>(StringComparer.Ordinal);
        var folders = store.Folders(project);
        var parents = folders.Select(f => f.ParentId).Concat(store.Tasks(project).Select(t => (string?)t.FolderId)).ToHashSet();
        foreach (var f in folders.Where(f => parents.Contains(f.Id) || !IsMadeForGrouping(f.Attrib)))
        {
            result[f.Id] = new AyonEntity("folder", f.Name, f.Label, f.FolderType, f.ParentId, f.Status, f.Active, Text(f.Attrib), string.Join(",", store.FolderTags(project, f.Id) ?? []), "");
        }

        foreach (var t in store.Tasks(project))
        {
            var lists = store.TaskLists(project, t.Id);
            result[t.Id] = new AyonEntity("task", t.Name, t.Label, t.TaskType, t.FolderId, t.Status, t.Active, Text(t.Attrib),
                string.Join(",", lists?.Tags ?? []), string.Join(",", (lists?.Assignees ?? []).Order(StringComparer.Ordinal)));
        }

        return result;
    }

    /// <summary>Empties the AYON project: deleting the root folders takes their subtrees along.</summary>
    private async Task ClearAsync(string project)
    {
        using var ayon = new HttpClient { BaseAddress = fixture.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", fixture.Ayon.ApiKey);
        var roots = fixture.Ayon.Store.Folders(project).Where(f => f.ParentId is null).ToList();
        if (roots.Count > 0)
        {
            var operations = new JsonArray([.. roots.Select(f => (JsonNode)new JsonObject { ["type"] = "delete", ["entityType"] = "folder", ["entityId"] = f.Id })]);
            var answer = await ayon.PostAsJsonAsync($"api/projects/{project}/operations", new JsonObject { ["operations"] = operations });
            Assert.True((await GatewayCalls.ReadOkAsync(answer)).GetProperty("success").GetBoolean());
        }

        Assert.Empty(fixture.Ayon.Store.Folders(project));
    }

    private static bool IsMadeForGrouping(IReadOnlyDictionary<string, object?> attrib) =>
        attrib.GetValueOrDefault("shotgridType") is "HierarchyGroup" or "AssetCategory";

    private static string Text(IReadOnlyDictionary<string, object?> attrib) =>
        string.Join(";", attrib.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    private sealed record AyonEntity(string Kind, string Name, string? Label, string Type, string? ParentId, string Status, bool Active, string Attrib, string Tags, string Assignees);
}
