using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

/// <summary>
/// The state of the recorded site, rebuilt in the emulator for one pair: the rows the recordings show (two projects, the
/// assets the listed pages and the request paths name, retired ones retired), written by the script user as on the
/// recorded site. Emulator ids differ, so recorded ids are translated both ways (<see cref="Translate"/>).
/// </summary>
internal sealed partial class RecordedSite
{
    private const string AliceText = "Now, thought Alice, Well, I hardly know No more, thank ye Im better now but Im grown up now, she added in a hurry. No, look";
    private const string AndersText = "She thought and how funny it'll seem to come out among the people that walk with their fur clinging close to them, thought Alice, to to";
    private const string AcornText = "As to size, Alice hastily but Im not looking for eggs, as it spoke. As wet as ever, said Alice to herself, and fanned herself one";

    // Rows a request acts on by id: seeded only for the pair that names them, so they do not change other pairs' counts.
    private static readonly Dictionary<long, (bool Retired, string? Description)> Targets = new()
    {
        [1475] = (false, null), [1476] = (true, null), [1479] = (false, null), [1480] = (true, null), [1483] = (true, "old"), [1484] = (false, "old"),
    };

    private readonly Dictionary<long, long> _ids = [];
    private readonly TestSite _site;

    private RecordedSite(TestSite site) => _site = site;

    public static RecordedSite Seed(TestSite site, RecordedPair pair)
    {
        var seeded = new RecordedSite(site);
        seeded.SeedCommon();
        foreach (var (id, (retired, description)) in Targets.Where(t => Regex.IsMatch(pair.Path, $@"\b{t.Key}\b") || (pair.Name == "list_filter_id_after_delete" && t.Key == 1476)))
        {
            seeded.Asset(id, 122, null, description: description, retired: retired);
        }

        return seeded;
    }

    /// <summary>A row the replayed request created, known by the id the recording gave it.</summary>
    public void Created(long recordedId, long emulatorId) => _ids[recordedId] = emulatorId;

    /// <summary>The text with every recorded id of a seeded row replaced by the emulator's id, and the placeholders filled in.</summary>
    public string Translate(string text)
    {
        var translated = RecordedId().Replace(text, m => _ids.TryGetValue(long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture), out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value);
        return translated.Replace("<SCRIPT_NAME>", _site.Emulator.ScriptName, StringComparison.Ordinal)
            .Replace("<SCRIPT_KEY>", _site.Emulator.ScriptKey, StringComparison.Ordinal);
    }

    public JsonNode? Translate(JsonNode? node) => node is null ? null : JsonNode.Parse(Translate(node.ToJsonString(Relaxed)));

    public static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void SeedCommon()
    {
        var store = _site.Store;
        _ids[93] = _site.Emulator.ScriptApiUserId;
        _ids[24] = store.Create("HumanUser", new() { ["login"] = "support", ["name"] = "Shotgun Support" });
        _ids[88] = store.Create("HumanUser", new() { ["login"] = "denis", ["name"] = "Denis Pasin" });
        _ids[70] = store.CreateProject("Demo: Animation");
        _ids[122] = store.CreateProject("TEST");
        Asset(1226, 70, "Alice", "fin", AliceText, type: "Character", author: 24);
        Asset(1227, 70, "Anders", "fin", AndersText, type: "Character", author: 24);
        Asset(1243, 70, "Young Bunny", author: 24);
        Asset(1288, 70, "Acorn", null, AcornText, type: "Prop", author: 24);
        Asset(1307, 70, "Whiskers", author: 24);
        Asset(1399, 70, "Example Asset", retired: true);
        Asset(1400, 70, "Example Asset", retired: true);
        Asset(1412, 122, "Test 1", "wtg", "Desc 1", author: 88);
        Asset(1413, 122, "Test 2", "wtg", "TEST 2", author: 88);
        Asset(1414, 122, "Test 3", author: 88);
        Asset(1415, 122, null, retired: true);
        Asset(1416, 122, null, retired: true);
    }

    /// <param name="status">"wtg" when not given, as the default fills it; null given is written as null (Acorn has none).</param>
    /// <param name="author">The recorded HumanUser who made the row; the script user when not given.</param>
    private void Asset(
        long recordedId, long recordedProject, string? code, string? status = "wtg", string? description = null, string? type = null,
        bool retired = false, long? author = null)
    {
        var fields = new Dictionary<string, object?> { ["project"] = new EntityLink("Project", _ids[recordedProject]), ["sg_status_list"] = status };
        foreach (var (name, value) in new[] { ("code", code), ("description", description), ("sg_asset_type", type) })
        {
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        var script = author is { } human ? new StoreActor("HumanUser", _ids[human]) : new StoreActor("ApiUser", _site.Emulator.ScriptApiUserId);
        var id = _site.Store.Create("Asset", fields, script);
        if (retired)
        {
            _site.Store.Retire("Asset", id, script);
        }

        _ids[recordedId] = id;
    }

    [GeneratedRegex(@"(?<![\w.])\d{2,7}(?![\w.])")]
    private static partial Regex RecordedId();
}
