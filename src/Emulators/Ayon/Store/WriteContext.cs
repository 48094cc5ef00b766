namespace AyonShotgrid.Emulators.Ayon;

/// <summary>What an entity write needs besides its data; created under the store lock for one request.</summary>
internal sealed record WriteContext(
    ProjectState Project, AttributeRegistry Attributes, AyonFaults Faults, DateTimeOffset Now, List<PendingEvent> Events)
{
    public void ThrowIfWritesRejected()
    {
        if (Faults.RejectAllWrites)
        {
            throw AyonProblem.Forbidden();
        }
    }
}
