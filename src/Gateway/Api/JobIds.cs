using AyonShotgrid.Contracts;

namespace AyonShotgrid.Gateway.Api;

/// <summary>Jobs are addressed by the 32-character id in URLs; the grain key form ("job:…") is accepted too.</summary>
public static class JobIds
{
    public static string ToPublic(string grainKey) => GrainKeys.ParseJobId(grainKey).ToString("N");

    public static bool TryToGrainKey(string jobId, out string grainKey)
    {
        var raw = jobId.StartsWith("job:", StringComparison.Ordinal) ? jobId[4..] : jobId;
        if (Guid.TryParse(raw, out var id))
        {
            grainKey = GrainKeys.Job(id);
            return true;
        }

        grainKey = "";
        return false;
    }
}
