using System.Text;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// The full sync's requests in the order they arrived, one a line (kind and the start of the body), written next to
/// latest.json: which read is asked for twice, or what a short page asked for, is read there rather than guessed.
/// </summary>
public static class RequestListing
{
    private const int BodyChars = 240;

    public static Task WriteAsync(string directory, FullSyncScenario.Outcome sync, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var request in sync.ShotGridSyncRequests.Select(r => ("ShotGrid", r)).Concat(sync.AyonSyncRequests.Select(r => ("AYON", r))).OrderBy(p => p.r.Sequence))
        {
            var body = Encoding.UTF8.GetString(request.r.Body);
            text.Append(request.Item1).Append('\t').Append(request.r.Kind).Append('\t')
                .AppendLine(body.Length > BodyChars ? body[..BodyChars] + "…" : body);
        }

        return File.WriteAllTextAsync(Path.Combine(directory, "sync-requests.txt"), text.ToString(), ct);
    }
}
