namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Who holds an AYON name under a parent: a ShotGrid-linked entity (<paramref name="Key"/>, its node key) or an AYON
/// entity nobody linked (Key null). The full sync and the leecher's index both answer "who has this name" with it, so
/// <see cref="EntityMapping.Place"/> decides the same way for both.
/// </summary>
/// <param name="AyonId">The AYON id of the holder (for a create the full sync only planned: the id it will have).</param>
/// <param name="Type">The holder's folder type, or task type for a task.</param>
[GenerateSerializer, Immutable, Alias("ayonsg.name-holder.v1")]
public sealed record NameHolder(string? Key, string AyonId, string Name, string EntityType, string Type)
{
    public string Describe() => Key ?? $"AYON {EntityType} '{Name}'";

    /// <summary>An AYON entity nobody linked to ShotGrid, of the kind the node would be: the same thing, made by hand.</summary>
    internal bool IsUnlinkedMatchFor(Node node) =>
        Key is null && (EntityType == "task" || string.Equals(Type, node.AyonFolderType, StringComparison.Ordinal));
}
