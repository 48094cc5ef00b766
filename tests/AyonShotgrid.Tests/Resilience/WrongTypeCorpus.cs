using System.Text.Json.Nodes;

namespace AyonShotgrid.Tests.Resilience;

/// <summary>
/// Fields ShotGrid answers with the wrong type (custom fields, API changes, a broken proxy): served through the
/// emulator's <c>Faults.ReplaceInResponses</c>, since its store validates types like ShotGrid and cannot hold them.
/// Part of <see cref="HostileCorpus"/>.
/// </summary>
public static class WrongTypeCorpus
{
    /// <summary>One wrong-typed field of an entity the sync reads: <paramref name="EntityType"/> is "Shot" or "Task".</summary>
    public sealed record EntityCase(string EntityType, string Field, JsonNode? Raw);

    /// <summary>One wrong-typed field of an EventLogEntry row.</summary>
    public sealed record EventCase(string Field, JsonNode? Raw);

    private static JsonNode?[] NotText() => [42, 3.5, true, new JsonObject { ["a"] = 1 }, new JsonArray(1, 2), new JsonArray(), new JsonObject()];

    /// <summary>Generated: every value that is not text in the Shot's text fields (14).</summary>
    private static IEnumerable<EntityCase> GeneratedText() =>
        new[] { "code", "sg_status_list" }.SelectMany(field => NotText().Select(raw => new EntityCase("Shot", field, raw)));

    /// <summary>Written by hand: links that are not links, ids that are not ids, task fields (26).</summary>
    private static IEnumerable<EntityCase> HandWritten() =>
    [
        new("Shot", "sg_sequence", "Sequence:1"),
        new("Shot", "sg_sequence", 12),
        new("Shot", "sg_sequence", true),
        new("Shot", "sg_sequence", new JsonArray(new JsonObject { ["type"] = "Sequence", ["id"] = 1 })),
        new("Shot", "sg_sequence", new JsonObject { ["type"] = 5, ["id"] = 1 }),
        new("Shot", "sg_sequence", new JsonObject { ["type"] = "Sequence", ["id"] = "12" }),
        new("Shot", "sg_sequence", new JsonObject { ["type"] = "Sequence", ["id"] = -1 }),
        new("Shot", "sg_sequence", new JsonObject { ["type"] = "Sequence" }),
        new("Shot", "sg_sequence", new JsonObject { ["id"] = 3 }),
        new("Shot", "id", "12"),
        new("Shot", "id", -5),
        new("Shot", "id", 0),
        new("Shot", "id", JsonNode.Parse("123456789012345678901234567890")),
        new("Shot", "id", 3.5),
        new("Shot", "id", true),
        new("Shot", "id", null),
        new("Shot", "id", new JsonObject { ["id"] = 1 }),
        new("Task", "content", 42),
        new("Task", "content", new JsonObject()),
        new("Task", "content", new JsonArray("a")),
        new("Task", "entity", "Shot:1"),
        new("Task", "entity", 7),
        new("Task", "entity", new JsonObject { ["type"] = "Shot", ["id"] = "1" }),
        new("Task", "step", "Animation"),
        new("Task", "step.Step.code", 5),
        new("Task", "step.Step.code", new JsonObject()),
    ];

    public static IReadOnlyList<EntityCase> Entities { get; } = [.. GeneratedText(), .. HandWritten()];

    /// <summary>Wrong types in the event row itself (20); <c>project</c> is a placeholder replaced by the test's project link.</summary>
    public static IReadOnlyList<EventCase> Events(long projectId) =>
    [
        new("created_at", 12),
        new("created_at", true),
        new("created_at", "not a date"),
        new("created_at", new JsonObject()),
        new("meta", "a string meta"),
        new("meta", 5),
        new("meta", new JsonArray(1)),
        new("meta", new JsonObject { ["entity_type"] = "Shot", ["entity_id"] = "12" }),
        new("meta", new JsonObject { ["entity_type"] = 5, ["entity_id"] = 9 }),
        new("entity", "Shot:1"),
        new("entity", new JsonObject { ["type"] = "Shot", ["id"] = "12" }),
        new("entity", new JsonObject { ["type"] = "Shot", ["id"] = -1 }),
        new("project", new JsonArray(new JsonObject { ["type"] = "Project", ["id"] = projectId })),
        new("project", "Project"),
        new("project", projectId),
        new("user", "admin"),
        new("user", 7),
        new("event_type", 5),
        new("attribute_name", 7),
        new("attribute_name", new JsonObject { ["x"] = 1 }),
    ];

    public static int EventCaseCount => Events(1).Count;

    public static int CaseCount => Entities.Count + EventCaseCount;
}
