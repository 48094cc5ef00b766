using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>ShotGrid writes of the AYON → ShotGrid push. Kept apart from <see cref="IShotGridClient"/>, which only reads.</summary>
public interface IShotGridWriter
{
    /// <summary>
    /// <c>POST /entity/_batch</c>: creates and updates in one all-or-nothing request; one result per request, in request
    /// order. A refused request fails the whole batch with <see cref="ShotGridException"/> (nothing written).
    /// </summary>
    Task<IReadOnlyList<SgRecord>> BatchAsync(IReadOnlyList<SgWrite> writes, CancellationToken cancellationToken);

    /// <summary><c>POST /schema/{type}/fields</c>: adds a field (ShotGrid names it <c>sg_</c> + the display name in snake case).</summary>
    Task CreateFieldAsync(string entityType, string dataType, string displayName, CancellationToken cancellationToken);
}

/// <summary>One request of a <c>_batch</c>: a create (no <paramref name="RecordId"/>), an update, or a retirement (<paramref name="Retire"/>).</summary>
public sealed record SgWrite(string EntityType, long? RecordId, JsonObject Data, bool Retire = false)
{
    public static SgWrite Create(string entityType, JsonObject data) => new(entityType, null, data);

    public static SgWrite Update(string entityType, long id, JsonObject data) => new(entityType, id, data);

    /// <summary>ShotGrid's delete: the row is retired (revivable), its id then 404s.</summary>
    public static SgWrite Delete(string entityType, long id) => new(entityType, id, [], Retire: true);

    /// <summary>The batch's <c>request_type</c>.</summary>
    public string RequestType => Retire ? "delete" : RecordId is null ? "create" : "update";
}
