namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Counts served HTTP requests for <see cref="AyonEmulator.RequestCount"/>.</summary>
internal sealed class RequestCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
