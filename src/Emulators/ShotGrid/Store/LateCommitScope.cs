namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>An open "transaction": event rows allocated on its async flow wait here until it is disposed.</summary>
internal sealed class LateCommitScope(LateCommitScope? parent, Action<LateCommitScope> onDispose) : IDisposable
{
    public LateCommitScope? Parent { get; } = parent;

    public List<EventLogRow> Pending { get; } = [];

    public bool Closed { get; private set; }

    public void Dispose()
    {
        if (Closed)
        {
            return;
        }

        Closed = true;
        onDispose(this);
    }
}
