using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>AYON entity lists (<c>/api/projects/{p}/lists</c>, AYON 1.15+) as the playlist sync uses them.</summary>
public interface IAyonEntityLists
{
    /// <summary>The list with its items in order, or null on 404.</summary>
    Task<AyonEntityList?> GetListAsync(string project, string id, CancellationToken cancellationToken);

    /// <summary>
    /// POST with a chosen id: AYON saves over a list of that id, so a repeated create converges. A label another list
    /// holds and an entity AYON does not have are answered as <see cref="AyonListWrite"/>, not thrown.
    /// </summary>
    Task<AyonListWrite> CreateListAsync(string project, AyonEntityList list, CancellationToken cancellationToken);

    /// <summary>
    /// PATCH the label, merge <paramref name="data"/> into the list's data and/or set its description (<c>attrib.description</c>;
    /// "" clears it); a null leaves that part as it is.
    /// </summary>
    Task<AyonListWrite> PatchListAsync(string project, string id, string? label, JsonObject? data, string? description, CancellationToken cancellationToken);

    /// <summary>Sets the items to <paramref name="entityIds"/> in this order (replace; an empty list deletes every item of <paramref name="current"/>).</summary>
    Task<AyonListWrite> SetItemsAsync(string project, AyonEntityList current, IReadOnlyList<string> entityIds, CancellationToken cancellationToken);

    /// <summary>DELETE the list; a list already gone is not an error.</summary>
    Task DeleteListAsync(string project, string id, CancellationToken cancellationToken);
}

/// <summary>
/// An entity list: id, label, listed entity type, data and the listed entity ids in order (item ids beside them), and its
/// description (<c>attrib.description</c>: AYON 1.15.18's lists have no description member; null when empty).
/// </summary>
public sealed record AyonEntityList(
    string Id, string Label, string EntityType, JsonObject Data, IReadOnlyList<string> EntityIds, IReadOnlyList<string> ItemIds, string? Description = null);

/// <summary>How a list write went: done, the label is another list's, or a listed entity does not exist in AYON.</summary>
public sealed record AyonListWrite(bool Done, bool LabelTaken = false, string? MissingEntityId = null)
{
    public static readonly AyonListWrite Ok = new(true);
}
