namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Calls the handler synchronously on the caller's context. <see cref="Progress{T}"/> would post to the thread pool,
/// which in a grain means touching grain state off the grain's scheduler.
/// </summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
