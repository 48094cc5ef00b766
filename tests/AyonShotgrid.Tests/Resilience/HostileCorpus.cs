using System.Text.Json.Nodes;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>
/// Hostile and malformed input, in one place: ShotGrid codes no AYON name can hold as they are (spaces, quotes,
/// semicolons, slashes, unicode, emoji, control characters, empty, 1,000 characters, siblings that slug alike) and
/// EventLogEntry rows a buggy script or site could leave (missing, null or wrong-typed entity/meta, an entity type
/// that contradicts the event type), and fields of the wrong type (<see cref="WrongTypeCorpus"/>). Used by both the full
/// sync and the event path.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Written by hand: each one a known way to break a naive slugifier, a label check or a JSON body.</summary>
    public static readonly IReadOnlyList<string> HandWritten =
    [
        "sh 010", "sh_010", "SH_010", "sh/010", "sh;010", "sh-010", "sh.010", "sh--010", "sh..010",
        "Bob's shot", "\"quoted\"", "semi;colon;", "it's; both", "slash/back\\slash", "  leading and trailing  ",
        "tab\there", "new\nline", "cr\rreturn", "", " ", "   ", "___", "...", "---", "-lead", "trail-", ".hidden", "trailing.",
        "ñandú", "Ærøskøbing", "Straße", "Œuvre ŁÓDŹ", "日本語のショット", "中文镜头", "한국어 샷", "Ελληνικά", "кириллица", "עברית", "العربية",
        "🎬", "🎬 shot 🎥", "👨‍👩‍👧 family", "zero\u200bwidth", "combining e\u0301", "bidi \u202eevil", "nul\u0000char",
        "<script>alert(1)</script>", "'; DROP TABLE folders; --", "%s%s%n", "${jndi:ldap://x}", "../../etc/passwd", "C:\\Windows\\x",
        "1234", "0", "-1", "1e10", "true", "null", "NaN", "#hash", "?query=1", "&amp;", "100%", "a/b/c/d", "sh010 (v2) [final]",
        new string('a', 1000), string.Concat(Enumerable.Repeat("é", 1000)), string.Concat(Enumerable.Repeat("🎬", 300)), new string('x', 255),
        string.Concat(Enumerable.Repeat("a b", 333)) + "!",
    ];

    private static readonly string[] Separators = [" ", "'", "\"", ";", "/", "\\", "é", "🎬", "\t", "..", "-", "__", "ß", "\u00a0"];

    private static readonly string[] Stems = ["sh", "Shot ", "ep", "Ünïcödé", "x", "a'b", "q;", "日本", "🎥", "-", "_", "."];

    /// <summary>Every separator around every stem: 168 codes, many of which slug to the same AYON name as a sibling.</summary>
    public static IReadOnlyList<string> Generated { get; } =
        [.. Separators.SelectMany(sep => Stems.Select((stem, i) => $"{stem}{sep}{i % 3}{sep}"))];

    public static IReadOnlyList<string> AllCodes { get; } = [.. HandWritten, .. Generated];

    /// <summary>ShotGrid project names AYON cannot take as they are.</summary>
    public static readonly IReadOnlyList<string> ProjectNames = ["🎬🎬🎬", "Projet d'été; 2026/β", new string('P', 120), "   "];

    /// <summary>A malformed EventLogEntry row: event type, whether it names the project, the raw entity and meta JSON.</summary>
    public sealed record MalformedRow(string EventType, bool WithProject, JsonNode? Entity, JsonNode? Meta);

    public static IReadOnlyList<MalformedRow> MalformedRows() =>
    [
        new("Shotgun_Shot_New", true, null, null),
        new("Shotgun_Shot_New", true, null, new JsonObject()),
        new("Shotgun_Shot_New", true, null, JsonValue.Create("a string")),
        new("Shotgun_Shot_Change", true, null, new JsonArray(1, 2, 3)),
        new("Shotgun_Shot_New", true, JsonValue.Create(42), null),
        new("Shotgun_Shot_New", true, JsonValue.Create("Shot:5"), null),
        new("Shotgun_Shot_New", true, new JsonObject { ["type"] = 5, ["id"] = "x" }, null),
        new("Shotgun_Shot_New", true, new JsonObject { ["type"] = "Shot" }, new JsonObject { ["entity_id"] = "abc" }),
        new("Shotgun_Shot_New", true, new JsonObject { ["type"] = "Shot", ["id"] = -3 }, null),
        new("Shotgun_Shot_Change", true, null, new JsonObject { ["entity_type"] = 12, ["entity_id"] = new JsonObject { ["nested"] = true } }),
        new("Shotgun_Shot_New", true, new JsonObject { ["type"] = "CustomEntity42", ["id"] = 9 }, new JsonObject { ["entity_type"] = "CustomEntity42", ["entity_id"] = 9 }),
        new("Shotgun_Shot_Change", true, null, new JsonObject { ["entity_type"] = "Asset", ["entity_id"] = 5 }),
        new("Shotgun_Task_New", true, null, new JsonObject { ["entity_type"] = "Task", ["entity_id"] = 1.5 }),
        new("Shotgun_Sequence_Retirement", true, null, new JsonObject { ["entity_type"] = "Sequence" }),
        new("Shotgun_Step_New", false, null, null),
    ];

    public static int CaseCount => AllCodes.Count + ProjectNames.Count + MalformedRows().Count + WrongTypeCorpus.CaseCount;
}
