using System.Globalization;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>Builds projects through the store API, so the event log gets the same rows the REST writes would produce.</summary>
public static class ShotGridSeeder
{
    private static readonly (string Code, string Short, string EntityType)[] Steps =
    [
        ("Layout", "lay", "Shot"), ("Animation", "anm", "Shot"), ("Lighting", "lgt", "Shot"), ("Comp", "comp", "Shot"),
        ("Model", "mdl", "Asset"), ("Rig", "rig", "Asset"), ("Surfacing", "srf", "Asset"),
    ];

    private static readonly string[] AssetTypes = ["Character", "Prop", "Environment"];

    /// <summary>Site-wide pipeline steps, created once per store; returns code → id.</summary>
    public static IReadOnlyDictionary<string, long> SeedSteps(ShotGridStore store)
    {
        var existing = store.StepIds();
        if (existing.Count > 0)
        {
            return existing;
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            var (code, shortName, entityType) = Steps[i];
            store.Create("Step", new() { ["code"] = code, ["short_name"] = shortName, ["entity_type"] = entityType, ["list_order"] = i + 1 });
        }

        return store.StepIds();
    }

    public static SeededProject SeedProject(ShotGridStore store, SeedSpec spec)
    {
        var steps = SeedSteps(store);
        var code = spec.ProjectCode ?? Slug(spec.ProjectName);
        var projectId = store.CreateProject(spec.ProjectName, code);
        var project = new EntityLink("Project", projectId);
        if (spec.Episodes > 0)
        {
            store.SetNavchains(projectId, new() { ["Sequence"] = "episode" });
        }

        var episodes = new List<long>();
        var sequences = new List<long>();
        var shots = new List<long>();
        var assets = new List<long>();
        var tasks = new List<long>();
        var shotSteps = steps.Where(s => Steps.Any(d => d.Code == s.Key && d.EntityType == "Shot")).Select(s => s.Value).ToList();
        var assetSteps = steps.Where(s => Steps.Any(d => d.Code == s.Key && d.EntityType == "Asset")).Select(s => s.Value).ToList();

        void AddTasks(EntityLink owner, IReadOnlyList<long> stepIds)
        {
            for (var t = 0; t < spec.TasksPerEntity; t++)
            {
                var stepId = stepIds[t % stepIds.Count];
                var stepName = steps.First(s => s.Value == stepId).Key.ToLowerInvariant();
                tasks.Add(store.Create("Task", new()
                {
                    ["project"] = project, ["entity"] = owner, ["step"] = new EntityLink("Step", stepId),
                    ["content"] = t < stepIds.Count ? stepName : $"{stepName}{t / stepIds.Count + 1}",
                }));
            }
        }

        void AddSequences(EntityLink? episode, string prefix)
        {
            for (var q = 1; q <= spec.SequencesPerEpisode; q++)
            {
                var seqCode = $"{prefix}sq{q:D2}0";
                var fields = new Dictionary<string, object?> { ["project"] = project, ["code"] = seqCode };
                if (episode is not null)
                {
                    fields["episode"] = episode;
                }

                var seqId = store.Create("Sequence", fields);
                sequences.Add(seqId);
                for (var h = 1; h <= spec.ShotsPerSequence; h++)
                {
                    var shotId = store.Create("Shot", new()
                    {
                        ["project"] = project, ["code"] = $"{seqCode}_sh{h:D3}0", ["sg_sequence"] = new EntityLink("Sequence", seqId),
                        ["sg_cut_in"] = 1001L, ["sg_cut_out"] = 1001L + 24 * h,
                    });
                    shots.Add(shotId);
                    AddTasks(new EntityLink("Shot", shotId), shotSteps);
                }
            }
        }

        if (spec.Episodes > 0)
        {
            for (var e = 1; e <= spec.Episodes; e++)
            {
                var epCode = $"ep{e:D2}";
                var epId = store.Create("Episode", new() { ["project"] = project, ["code"] = epCode });
                episodes.Add(epId);
                AddSequences(new EntityLink("Episode", epId), epCode + "_");
            }
        }
        else
        {
            AddSequences(null, "");
        }

        for (var a = 1; a <= spec.Assets; a++)
        {
            var type = AssetTypes[(a - 1) % AssetTypes.Length];
            var assetId = store.Create("Asset", new()
            {
                ["project"] = project, ["code"] = $"{type.ToLowerInvariant()}{a:D3}", ["sg_asset_type"] = type,
            });
            assets.Add(assetId);
            AddTasks(new EntityLink("Asset", assetId), assetSteps);
        }

        return new SeededProject(projectId, episodes, sequences, shots, assets, tasks, steps);
    }

    /// <summary>A small "Demo Commercial": 2 episodes × 2 sequences × 3 shots, characters/props/environments, one step-less task.</summary>
    public static SeededProject SeedDemo(ShotGridStore store)
    {
        var seeded = SeedProject(store, new SeedSpec("Demo Commercial", Episodes: 2, SequencesPerEpisode: 2, ShotsPerSequence: 3,
            Assets: 6, TasksPerEntity: 2, ProjectCode: "demo_commercial"));
        var project = new EntityLink("Project", seeded.ProjectId);
        var loose = store.Create("Task", new()
        {
            ["project"] = project, ["entity"] = new EntityLink("Shot", seeded.ShotIds[0]), ["content"] = "client review",
        });
        store.Update("Project", seeded.ProjectId, new() { ["sg_status"] = "Active", ["tank_name"] = "demo_commercial" });
        return seeded with { TaskIds = [.. seeded.TaskIds, loose] };
    }

    /// <summary>An active HumanUser (as a studio's people are); returns its id. Tests link AYON users to it by this id.</summary>
    public static long AddHumanUser(ShotGridStore store, string login, string name, string status = "act")
    {
        var parts = name.Split(' ', 2);
        return store.Create("HumanUser", new()
        {
            ["login"] = login, ["name"] = name, ["firstname"] = parts[0], ["lastname"] = parts.Length > 1 ? parts[1] : "",
            ["email"] = $"{login}@emulator.invalid", ["sg_status_list"] = status,
        });
    }

    /// <summary>A site-wide Tag; returns its id (link it through an entity's <c>tags</c> field).</summary>
    public static long AddTag(ShotGridStore store, string name) => store.Create("Tag", new() { ["name"] = name });

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c.ToString(CultureInfo.InvariantCulture) : "_"));
}
