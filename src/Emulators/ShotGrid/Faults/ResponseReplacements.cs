using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Raw JSON that replaces fields of chosen records in every answer that returns them. The store validates field types
/// like ShotGrid does, so a Shot whose <c>code</c> is a number cannot be stored; real sites still answer odd shapes
/// (custom fields, API changes), and this is how tests serve them to the production readers. Thread-safe.
/// </summary>
internal sealed class ResponseReplacements
{
    private readonly ConcurrentDictionary<(string Type, long Id), ConcurrentDictionary<string, JsonNode?>> _byRecord = new();

    public bool IsEmpty => _byRecord.IsEmpty;

    public void Set(string entityType, long id, string field, JsonNode? raw) =>
        _byRecord.GetOrAdd((entityType, id), _ => new(StringComparer.Ordinal))[field] = raw?.DeepClone();

    public void Clear() => _byRecord.Clear();

    /// <summary>The replacements for one record (field → raw JSON), or null when it has none.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? For(string entityType, long id) =>
        _byRecord.TryGetValue((entityType, id), out var fields) ? fields : null;
}
