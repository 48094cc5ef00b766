namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>One request of <c>POST /entity/_batch</c>, its values already converted.</summary>
/// <param name="Kind"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
internal sealed record BatchRequest(string Kind, EntityDef Def, long RecordId, Dictionary<string, object?>? Values);

// POST /entity/_batch: all or nothing, like real ShotGrid (one refused request and nothing of the batch is written).
public sealed partial class ShotGridStore
{
    /// <summary>
    /// Checks every request against the site as the earlier requests of the batch would leave it, then applies them in
    /// order. Returns the written row per request (the retired row for a delete). Callers hold the lock.
    /// </summary>
    /// <exception cref="BatchRequestException">A request was refused; nothing was written.</exception>
    internal IReadOnlyList<EntityRow> ApplyBatch(IReadOnlyList<BatchRequest> requests, StoreActor? actor)
    {
        // A batch cannot refer to a row it creates, so only its deletes change what the later requests may name.
        var retired = new HashSet<EntityLink>();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            try
            {
                switch (r.Kind)
                {
                    case "create":
                        CheckCreate(r.Def, r.Values!, retired);
                        break;
                    case "update":
                        RequireWritable(r.Def, r.RecordId, "update", retired);
                        Validate(r.Def, r.Values!, "update", retired);
                        break;
                    default:
                        RequireWritable(r.Def, r.RecordId, "delete", retired);
                        retired.Add(new EntityLink(r.Def.Type, r.RecordId));
                        break;
                }
            }
            catch (ShotGridRequestException e)
            {
                throw new BatchRequestException(i, e);
            }
        }

        var rows = new List<EntityRow>(requests.Count);
        foreach (var r in requests)
        {
            switch (r.Kind)
            {
                case "create":
                    rows.Add(CreateCore(r.Def, r.Values!, actor));
                    break;
                case "update":
                    rows.Add(UpdateCore(r.Def, r.RecordId, r.Values!, actor));
                    break;
                default:
                    RetireCore(r.Def, r.RecordId, actor);
                    rows.Add(FindRow(r.Def.Type, r.RecordId)!);
                    break;
            }
        }

        return rows;
    }
}

/// <summary>Request <see cref="Index"/> of a batch was refused with <see cref="Refusal"/>.</summary>
internal sealed class BatchRequestException(int index, ShotGridRequestException refusal) : Exception(refusal.Message, refusal)
{
    public int Index { get; } = index;

    public ShotGridRequestException Refusal { get; } = refusal;
}
