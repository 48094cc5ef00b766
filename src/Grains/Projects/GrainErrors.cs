using System.Net;
using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Prepare;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Projects;

/// <summary>Turns the errors of the clients and the sync into <see cref="SyncOperationException"/>, the one error type callers outside the silo know.</summary>
internal static class GrainErrors
{
    public static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ShotGridException e)
        {
            throw new SyncOperationException(
                e.Status == HttpStatusCode.NotFound ? SyncFailureKind.NotFound : SyncFailureKind.Upstream,
                $"ShotGrid: {e.Message}");
        }
        catch (AyonException e)
        {
            throw new SyncOperationException(e.Status == HttpStatusCode.Conflict ? SyncFailureKind.Conflict : SyncFailureKind.Upstream, $"AYON: {e.Message}");
        }
        catch (SyncSetupException e)
        {
            throw new SyncOperationException(SyncFailureKind.Conflict, e.Message);
        }
        catch (HttpRequestException e)
        {
            throw new SyncOperationException(SyncFailureKind.Upstream, $"could not reach a server: {e.Message}");
        }
    }
}
