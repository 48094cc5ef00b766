using System.Net;
using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Prepare;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Projects;

/// <summary>
/// Turns the errors of the clients and the sync into what callers outside the silo see: a kind and a message that
/// names the server at fault (never a credential; the clients scrub those).
/// </summary>
internal static class GrainErrors
{
    public static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Describe(e) is { } known)
        {
            throw new SyncOperationException(known.Kind, known.Message);
        }
    }

    /// <summary>The kind and message of a failure the sync knows, or null for anything else (a bug: let it surface).</summary>
    public static (SyncFailureKind Kind, string Message)? Describe(Exception exception) => exception switch
    {
        ShotGridException e => (e.Status == HttpStatusCode.NotFound ? SyncFailureKind.NotFound : SyncFailureKind.Upstream, $"ShotGrid: {e.Message}"),
        AyonException e => (e.Status == HttpStatusCode.Conflict ? SyncFailureKind.Conflict : SyncFailureKind.Upstream, $"AYON: {e.Message}"),
        SyncSetupException e => (SyncFailureKind.Conflict, e.Message),
        HttpRequestException e => (SyncFailureKind.Upstream, $"could not reach a server: {e.Message}"),
        _ => null,
    };
}
