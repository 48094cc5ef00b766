using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// The notes benchmark's project: 20 shots per sequence with two tasks each, one AYON version per shot linked from a
/// ShotGrid Version (<c>sg_ayon_id</c>, as the version push writes it), a dozen ShotGrid users of whom eight are AYON
/// users (<c>data.sg_user_id</c>); notes round-robin on a shot, a task or a version, with an author and one or two
/// addressees, and a reply on every fourth note.
/// </summary>
public static class NotesSeed
{
    public const int Users = 12;
    public const int LinkedUsers = 8;
    private const int ShotsPerSequence = 20;

    public sealed record Targets(IReadOnlyList<long> Shots, IReadOnlyList<long> Tasks, IReadOnlyList<long> Versions);

    /// <summary>About one shot per 50 notes (4 to 200).</summary>
    public static SeedSpec Hierarchy(int notes)
    {
        var shots = Math.Clamp(notes / 50, 4, 200);
        return new SeedSpec("Bench Notes", Episodes: 0, SequencesPerEpisode: Math.Max(1, shots / ShotsPerSequence), ShotsPerSequence: Math.Min(shots, ShotsPerSequence), Assets: 0, TasksPerEntity: 2);
    }

    /// <summary>ShotGrid users, the first <see cref="LinkedUsers"/> of them AYON users too (before the project's index loads them).</summary>
    public static IReadOnlyList<long> AddUsers(Emulators emulators)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var users = new List<long>();
        for (var i = 0; i < Users; i++)
        {
            var id = emulators.ShotGrid.Store.Create("HumanUser", new() { ["name"] = $"Bench User {i}", ["login"] = $"bench{i}{suffix}" });
            if (i < LinkedUsers)
            {
                emulators.Ayon.Store.AddUser($"bench{i}.{suffix}", $"Bench User {i}", shotgridUserId: id);
            }

            users.Add(id);
        }

        return users;
    }

    /// <summary>One AYON product and version per shot (one /operations call), and a ShotGrid Version linked to each.</summary>
    public static async Task<IReadOnlyList<long>> AddVersionsAsync(Emulators emulators, SeededProject seeded, string ayonProject, CancellationToken ct)
    {
        var operations = new JsonArray();
        var ayonIds = new List<string>();
        foreach (var shot in seeded.ShotIds)
        {
            var folder = AyonIds.For(ClusterHost.Site, ayonProject, NodeKeys.Of("Shot", shot));
            var product = Guid.NewGuid().ToString("N");
            var version = Guid.NewGuid().ToString("N");
            operations.Add(new JsonObject { ["type"] = "create", ["entityType"] = "product", ["entityId"] = product, ["data"] = new JsonObject { ["name"] = "reviewMain", ["folderId"] = folder, ["productType"] = "review" } });
            operations.Add(new JsonObject { ["type"] = "create", ["entityType"] = "version", ["entityId"] = version, ["data"] = new JsonObject { ["version"] = 1, ["productId"] = product } });
            ayonIds.Add(version);
        }

        using var ayon = new HttpClient { BaseAddress = emulators.Ayon.BaseUrl };
        ayon.DefaultRequestHeaders.Add("x-api-key", emulators.Ayon.ApiKey);
        using (var answer = await ayon.PostAsJsonAsync($"api/projects/{ayonProject}/operations", new JsonObject { ["operations"] = operations, ["canFail"] = false }, ct))
        {
            answer.EnsureSuccessStatusCode();
        }

        // Linked as the cluster's script user writes it (the version push), whose events the leecher leaves alone.
        var script = new StoreActor("ApiUser", emulators.ShotGrid.ScriptApiUserId);
        return seeded.ShotIds.Select((shot, i) => emulators.ShotGrid.Store.Create("Version", new()
        {
            ["code"] = $"v{i:0000}", ["project"] = new EntityLink("Project", seeded.ProjectId), ["entity"] = new EntityLink("Shot", shot), ["sg_ayon_id"] = ayonIds[i],
        }, script)).ToList();
    }

    /// <summary>Note <paramref name="i"/> of the project (see the class summary); returns its id.</summary>
    public static long CreateNote(ShotGridStore sg, long projectId, Targets targets, IReadOnlyList<long> users, int i)
    {
        EntityLink User(int k) => new("HumanUser", users[k % users.Count]);
        var addressees = new List<EntityLink> { User(i + 1) };
        if (i % 2 == 0)
        {
            addressees.Add(User(i + 5));
        }

        var fields = new Dictionary<string, object?>
        {
            ["project"] = new EntityLink("Project", projectId), ["subject"] = $"Note {i}", ["content"] = $"Bench note {i}: tighten the timing of the second beat.",
            ["addressings_to"] = addressees, ["user"] = User(i),
        };
        var (linkField, link) = (i % 3) switch
        {
            0 => ("note_links", new EntityLink("Shot", targets.Shots[i % targets.Shots.Count])),
            1 => ("tasks", new EntityLink("Task", targets.Tasks[i % targets.Tasks.Count])),
            _ => ("note_links", new EntityLink("Version", targets.Versions[i % targets.Versions.Count])),
        };
        fields[linkField] = new List<EntityLink> { link };
        return sg.Create("Note", fields);
    }

    /// <summary>Notes 0..<paramref name="count"/>, a reply on every fourth; returns (notes, replies).</summary>
    public static (int Notes, int Replies) CreateNotes(ShotGridStore sg, long projectId, Targets targets, IReadOnlyList<long> users, int count)
    {
        var replies = 0;
        for (var i = 0; i < count; i++)
        {
            var note = CreateNote(sg, projectId, targets, users, i);
            if (i % 4 == 0)
            {
                sg.Create("Reply", new() { ["entity"] = new EntityLink("Note", note), ["content"] = $"Done in v{i % 7 + 2:000}", ["user"] = new EntityLink("HumanUser", users[(i + 3) % users.Count]) });
                replies++;
            }
        }

        return (count, replies);
    }
}
