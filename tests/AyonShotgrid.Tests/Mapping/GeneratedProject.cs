using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Mapping;

/// <summary>
/// A random ShotGrid project from a seed: episodes, sequences, scenes, shots, assets and tasks with duplicate and
/// hostile names, statuses, tags and assignees, written into the ShotGrid emulator one entity at a time (each write is
/// a ShotGrid event the leecher reads), then a few changes, retirements of shots, tasks and parents (episodes,
/// sequences, scenes), and revivals of some of them.
/// </summary>
/// <remarks>
/// Siblings that want the same AYON name get it in ShotGrid-id order in the full sync; the leecher applies the entities of
/// one poll in parallel, so the test lets the leecher catch up before writing a name already written since it last
/// caught up (<paramref name="catchUp"/>): the property is about the rule, not about two creates racing in one poll.
/// </remarks>
internal sealed class GeneratedProject(Random rng, ShotGridStore sg, long projectId, Func<Task> catchUp)
{
    public static readonly string[] Codes =
        ["sh010", "SH010", "sh 010", "sh-010", "sh.010", "a'b;c", "日本語", "Ünïcødé", "", "  ", "x/y", "_", "-lead", "sh010 (v2)", "comp"];

    private static readonly string[] TaskNames = ["comp", "Comp", "anim", "lgt 01", "a'b", "", "rig"];
    private static readonly string?[] AssetTypes = ["Prop", "Character", "FX", "Vehicle", null];
    private static readonly string[] Statuses = ["wtg", "ip", "fin", "hld", "omt"];

    private readonly HashSet<string> _namesSinceCatchUp = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Type, long Id), string> _slugOf = [];
    private readonly Dictionary<(string Type, long Id), List<(string Type, long Id)>> _linksOf = [];
    private int _fresh;

    public List<(string Type, long Id)> Folders { get; } = [];

    public List<long> Tasks { get; } = [];

    /// <summary>The episodes, sequences and scenes retired, with how many children each had (for the failure message).</summary>
    public List<string> RetiredParents { get; } = [];

    public static Dictionary<string, string> Navchains(Random rng) => new()
    {
        ["Episode"] = "__flat__",
        ["Sequence"] = Pick(rng, ["episode", "Sequence.episode", "__flat__"]),
        ["Scene"] = Pick(rng, ["__flat__", "sg_sequence", "Scene.sg_sequence"]),
        ["Shot"] = Pick(rng, ["sg_sequence", "Shot.sg_sequence", "sg_scene,Scene.sg_sequence", "Shot.sg_scene", "__flat__"]),
        ["Asset"] = "sg_asset_type",
    };

    /// <summary>The project's hierarchy settings for a seed: odd seeds group top-level entities, under folders of their own names.</summary>
    public static System.Text.Json.Nodes.JsonObject Hierarchy(int seed) => seed % 2 == 1
        ? new() { ["hierarchy_preset"] = "grouped", ["hierarchy_shots_folder"] = "shot_tree", ["hierarchy_assets_folder"] = "library" }
        : new() { ["hierarchy_preset"] = "flat" };

    public async Task WriteAsync(IReadOnlyList<long> users, IReadOnlyList<long> tags, IReadOnlyList<long> steps)
    {
        var project = TestProjects.Link("Project", projectId);
        var episodes = await ManyAsync(rng.Next(0, 3), () => ("Episode", new Dictionary<string, object?> { ["code"] = "ep" + Code() }));
        var sequences = await ManyAsync(rng.Next(1, 4), () => ("Sequence", new Dictionary<string, object?> { ["code"] = Code(), ["episode"] = Maybe("Episode", episodes) }));
        var scenes = await ManyAsync(rng.Next(0, 3), () => ("Scene", new Dictionary<string, object?> { ["code"] = Code(), ["sg_sequence"] = Maybe("Sequence", sequences) }));
        var shots = await ManyAsync(rng.Next(2, 9), () => ("Shot", new Dictionary<string, object?>
        {
            ["code"] = Code(), ["sg_sequence"] = Maybe("Sequence", sequences), ["sg_scene"] = Maybe("Scene", scenes),
            ["sg_status_list"] = Pick(rng, Statuses), ["tags"] = Some("Tag", tags),
        }));
        var assets = await ManyAsync(rng.Next(0, 5), () => ("Asset", new Dictionary<string, object?>
        {
            ["code"] = Code(), ["sg_asset_type"] = Pick(rng, AssetTypes), ["sg_status_list"] = Pick(rng, Statuses),
        }));

        foreach (var (type, owner) in shots.Select(s => ("Shot", s)).Concat(assets.Select(a => ("Asset", a))).ToList())
        {
            for (var i = rng.Next(0, 3); i > 0; i--)
            {
                var id = await WriteAsync("Task", new Dictionary<string, object?>
                {
                    ["content"] = Pick(rng, TaskNames), ["entity"] = TestProjects.Link(type, owner),
                    ["step"] = rng.Next(3) == 0 ? null : TestProjects.Link("Step", Pick(rng, steps)),
                    ["sg_status_list"] = Pick(rng, Statuses), ["tags"] = Some("Tag", tags), ["task_assignees"] = Some("HumanUser", users),
                }, owner);
                Tasks.Add(id);
            }
        }

        // Changes after creation, then retirements of shots and tasks whose AYON name nobody else wants. A retired entity
        // that held a name another wanted leaves a history the full sync cannot see (that one kept its suffix).
        await catchUp();
        foreach (var (type, id) in Folders.Where(f => f.Type == "Shot").Select(f => (f.Type, f.Id)).Concat(Tasks.Select(t => ("Task", t))).Where(_ => rng.Next(3) == 0).ToList())
        {
            sg.Update(type, id, new() { ["sg_status_list"] = Pick(rng, Statuses), ["tags"] = Some("Tag", tags) });
        }

        var unique = _slugOf.GroupBy(s => s.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1).Select(g => g.Single().Key).ToHashSet();
        var retiredShots = Folders.Where(f => f.Type == "Shot").Concat(Tasks.Select(t => ("Task", t))).Where(e => unique.Contains(e) && rng.Next(4) == 0).ToList();
        foreach (var (type, id) in retiredShots)
        {
            sg.Retire(type, id);
        }

        // Retired parents: ShotGrid keeps their children, whose link reads empty from then on (the full sync places them
        // as entities without that parent). Only parents whose children hold names nobody else wants, so the children's
        // new place has no name clash whose winner would depend on the order things happened in.
        var retiredParents = Folders.Where(f => f.Type is "Episode" or "Sequence" or "Scene" && unique.Contains(f)
            && ChildrenOf(f).All(unique.Contains) && rng.Next(3) > 0).ToList();
        foreach (var (type, id) in retiredParents)
        {
            sg.Retire(type, id);
            RetiredParents.Add($"{type} {id} ({ChildrenOf((type, id)).Count()} children)");
        }

        // Some come back: a revived parent takes its children back, a revived shot its tasks.
        await catchUp();
        foreach (var (type, id) in retiredParents.Concat(retiredShots.Where(e => e.Item1 == "Shot")).Where(_ => rng.Next(2) == 0))
        {
            sg.Revive(type, id);
        }
    }

    /// <summary>The entities whose link (episode, sequence, scene) points at the folder, whatever the navchain makes of it.</summary>
    private IEnumerable<(string Type, long Id)> ChildrenOf((string Type, long Id) parent) =>
        _linksOf.Where(l => l.Value.Contains(parent)).Select(l => l.Key);

    private async Task<List<long>> ManyAsync(int count, Func<(string Type, Dictionary<string, object?> Fields)> make)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var (type, fields) = make();
            var id = await WriteAsync(type, fields, null);
            ids.Add(id);
            Folders.Add((type, id));
        }

        return ids;
    }

    private async Task<long> WriteAsync(string type, Dictionary<string, object?> fields, long? owner)
    {
        var code = (fields.GetValueOrDefault("code") ?? fields.GetValueOrDefault("content")) as string;
        var slug = AyonNames.Slugify(code);
        var category = fields.GetValueOrDefault("sg_asset_type") as string;
        if ((slug.Length > 0 && _namesSinceCatchUp.Contains(slug)) || (category is not null && _namesSinceCatchUp.Contains(AyonNames.Slugify(category))))
        {
            await catchUp();
            _namesSinceCatchUp.Clear();
        }

        fields["project"] = TestProjects.Link("Project", projectId);
        var id = sg.Create(type, fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value));
        _namesSinceCatchUp.Add(slug);
        if (category is not null)
        {
            _namesSinceCatchUp.Add(AyonNames.Slugify(category));
        }

        _slugOf[(type, id)] = slug.Length > 0 ? slug : $"#{type}{id}";
        _linksOf[(type, id)] = [.. fields.Values.OfType<EntityLink>().Select(l => (l.Type, l.Id))];
        return id;
    }

    /// <summary>One of the hostile codes, or now and then a fresh one: names nobody else wants are what lets parents retire.</summary>
    private string Code() => rng.Next(3) == 0 ? $"n{++_fresh}" : Pick(rng, Codes);

    private EntityLink? Maybe(string type, IReadOnlyList<long> ids) =>
        ids.Count == 0 || rng.Next(5) == 0 ? null : TestProjects.Link(type, Pick(rng, ids));

    private List<EntityLink> Some(string type, IReadOnlyList<long> ids) => [.. ids.Where(_ => rng.Next(2) == 0).Select(id => TestProjects.Link(type, id))];

    private static T Pick<T>(Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];
}
