using System.Net.Http.Json;
using System.Text.Json;

namespace AyonShotgrid.Demo;

/// <summary>Drives the gateway's HTTP API exactly as AYON or a person with curl would: prepare, sync, follow the job.</summary>
internal static class DemoScenario
{
    public static async Task<bool> RunAsync(DemoCluster cluster, long sgProjectId, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = cluster.CreateGatewayClient();

        output.WriteLine($"POST /api/shotgrid/projects/{sgProjectId}/prepare");
        var prepare = await ReadJsonAsync(await http.PostAsync($"api/shotgrid/projects/{sgProjectId}/prepare", null, cancellationToken), cancellationToken);
        output.WriteLine($"  AYON project: {prepare.GetProperty("ayonProjectName").GetString()}");
        foreach (var change in prepare.GetProperty("changes").EnumerateArray())
        {
            output.WriteLine($"  - {change.GetString()}");
        }

        output.WriteLine($"POST /api/shotgrid/projects/{sgProjectId}/sync");
        var started = await ReadJsonAsync(await http.PostAsJsonAsync($"api/shotgrid/projects/{sgProjectId}/sync", new { requestedBy = "demo" }, cancellationToken), cancellationToken);
        var statusUrl = started.GetProperty("statusUrl").GetString()!.TrimStart('/');

        JsonElement job;
        var lastLine = "";
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            job = await ReadJsonAsync(await http.GetAsync(statusUrl, cancellationToken), cancellationToken);
            var state = job.GetProperty("state").GetString();
            var line = $"  {state,-9} {job.GetProperty("progressPercent").GetInt32(),3}%  {job.GetProperty("phase").GetString()}";
            if (line != lastLine)
            {
                output.WriteLine(line);
                lastLine = line;
            }

            if (state is "succeeded" or "failed")
            {
                break;
            }

            await ticker.WaitForNextTickAsync(cancellationToken);
        }

        var counts = job.GetProperty("counts");
        output.WriteLine($"Sync {job.GetProperty("state").GetString()}: {counts.GetProperty("created").GetInt32()} created, {counts.GetProperty("alreadyPresent").GetInt32()} already present, {counts.GetProperty("skipped").GetInt32()} skipped, {counts.GetProperty("failed").GetInt32()} failed (of {counts.GetProperty("total").GetInt32()}).");
        foreach (var issue in job.GetProperty("issues").EnumerateArray())
        {
            output.WriteLine($"  {issue.GetProperty("kind").GetString()}: {issue.GetProperty("entityType").GetString()} '{issue.GetProperty("name").GetString()}' — {issue.GetProperty("reason").GetString()}");
        }

        var ayonProject = prepare.GetProperty("ayonProjectName").GetString()!;
        output.WriteLine($"AYON project '{ayonProject}' now holds:");
        foreach (var folder in cluster.Ayon.Store.Folders(ayonProject).OrderBy(f => f.Path, StringComparer.Ordinal).Take(40))
        {
            var tasks = cluster.Ayon.Store.Tasks(ayonProject).Where(t => t.FolderId == folder.Id).Select(t => t.Name).ToList();
            output.WriteLine($"  {folder.Path,-40} {folder.FolderType,-14} {(tasks.Count > 0 ? "tasks: " + string.Join(", ", tasks) : "")}");
        }

        return job.GetProperty("state").GetString() == "succeeded";
    }

    public static void PrintWhereToLook(DemoCluster cluster, long sgProjectId, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Where to look:");
        output.WriteLine($"  Gateway API       {cluster.GatewayUrl}api/shotgrid/projects   (header x-api-key: {cluster.GatewayApiKey})");
        output.WriteLine($"  Project status    curl -H 'x-api-key: {cluster.GatewayApiKey}' {cluster.GatewayUrl}api/shotgrid/projects/{sgProjectId}");
        output.WriteLine($"  Run a sync again  curl -X POST -H 'x-api-key: {cluster.GatewayApiKey}' {cluster.GatewayUrl}api/shotgrid/projects/{sgProjectId}/sync");
        output.WriteLine($"  OpenAPI           {cluster.GatewayUrl}openapi/v1.json");
        output.WriteLine($"  Orleans dashboard {cluster.SiloUrl}dashboard/");
        output.WriteLine($"  ShotGrid emulator {cluster.ShotGrid.BaseUrl}api/v1   (script {cluster.ShotGrid.ScriptName})");
        output.WriteLine($"  AYON emulator     {cluster.Ayon.BaseUrl}api/info");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase} from {response.RequestMessage?.RequestUri}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
