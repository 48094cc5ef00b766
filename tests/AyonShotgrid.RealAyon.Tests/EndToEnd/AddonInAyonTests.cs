using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AyonShotgrid.Conformance;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.RealAyon.Tests.Infrastructure;

namespace AyonShotgrid.RealAyon.Tests.EndToEnd;

/// <summary>
/// The AYON addon (ayon-addon/) inside the real AYON server, installed as a studio installs it: the zip through
/// <c>POST /api/addons/install</c>, a restart, a production bundle naming it, the gateway key in a secret and
/// <c>gateway_url</c> in its settings. Then the sync is driven through AYON's own URL, as the addon's page does.
/// </summary>
[Collection(RealAyonCollection.Name)]
public sealed class AddonInAyonTests(RealAyonServer server)
{
    private const string Addon = "shotgrid_orleans";
    private const string Version = "0.1.0";
    private const string AddonPath = $"api/addons/{Addon}/{Version}";

    [Fact]
    public async Task The_installed_addon_lists_prepares_syncs_and_reads_the_job_through_AYON_and_refuses_a_non_manager()
    {
        var (deployment, _) = await server.DemoAsync();
        var ayon = deployment.Ayon;
        await InstallAsync(ayon, server.ApiKey);
        var secret = "sg_orleans_gateway_" + Guid.NewGuid().ToString("N")[..8];
        Ok(await ayon.PutAsync($"api/secrets/{secret}", new JsonObject { ["value"] = deployment.Cluster.GatewayApiKey }), "store the gateway key");
        Ok(await ayon.PostAsync($"{AddonPath}/settings", new JsonObject
        {
            ["gateway_url"] = deployment.Cluster.GatewayUrl.ToString(),
            ["gateway_api_key_secret"] = secret,
        }), "set the addon settings");

        var name = "Addon_" + Guid.NewGuid().ToString("N")[..8];
        var seeded = ShotGridSeeder.SeedProject(deployment.Cluster.ShotGrid.Store, new SeedSpec(name, Episodes: 0, SequencesPerEpisode: 1, ShotsPerSequence: 2, Assets: 1, TasksPerEntity: 1));

        var list = Ok(await ayon.GetAsync($"{AddonPath}/projects"), "list the projects through AYON");
        var prepared = Ok(await ayon.PostAsync($"{AddonPath}/projects/{seeded.ProjectId}/prepare", null), "prepare through AYON");
        var started = await ayon.PostAsync($"{AddonPath}/projects/{seeded.ProjectId}/sync", new JsonObject { ["override_differences"] = false });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"sync through AYON: {started}");
        var jobId = started.Body!["jobId"]!.GetValue<string>();
        var job = await Eventually.WaitAsync(
            async () => Ok(await ayon.GetAsync($"{AddonPath}/jobs/{jobId}"), "read the job through AYON"),
            j => j["state"]!.GetValue<string>() is "succeeded" or "failed",
            "the job read through AYON to finish",
            TimeSpan.FromSeconds(120));

        Assert.Contains(list.AsArray(), p => p!["sgProjectId"]!.GetValue<long>() == seeded.ProjectId);
        var ayonName = prepared["ayonProjectName"]!.GetValue<string>();
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        var folders = await AyonReadBack.FoldersAsync(ayon, ayonName);
        Assert.Contains(folders, f => f.Type == "Shot");

        using var page = new HttpClient { BaseAddress = ayon.BaseUrl };
        var frontend = await page.GetAsync($"addons/{Addon}/{Version}/frontend/");
        Assert.Equal(HttpStatusCode.OK, frontend.StatusCode);
        Assert.Contains("ShotGrid → AYON sync", await frontend.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await AsArtistAsync(ayon, page, $"{AddonPath}/projects");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
    }

    private static async Task InstallAsync(AyonCalls ayon, string apiKey)
    {
        var zip = await BuildZipAsync();
        using var http = new HttpClient { BaseAddress = ayon.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(zip));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var install = await http.PostAsync("api/addons/install", content);
        var body = JsonNode.Parse(await install.Content.ReadAsStringAsync());
        Assert.True(install.IsSuccessStatusCode, $"install: {(int)install.StatusCode} {body}");
        var eventId = body!["eventId"]!.GetValue<string>();
        await Eventually.WaitAsync(
            async () => (await ayon.GetAsync($"api/events/{eventId}")).Body?["status"]?.GetValue<string>(),
            status => status is "finished" or "failed",
            "the addon install to finish",
            TimeSpan.FromSeconds(120));

        // AYON loads addons when it starts. The old worker keeps answering for a moment (it may list the addon
        // already): only a smaller uptime shows the new worker, and the tests after this one need it settled.
        var uptime = await RestartWait.UptimeAsync(ayon.BaseUrl) ?? throw new InvalidOperationException("AYON does not report its uptime");
        var restart = await Try(async () => (await ayon.PostAsync("api/system/restart", null)).Status);
        Assert.True(restart is HttpStatusCode.NoContent or default(HttpStatusCode), $"restart: {restart}");
        Assert.True(await RestartWait.UntilRestartedAsync(ayon.BaseUrl, uptime, TimeSpan.FromSeconds(120)), "AYON did not come back within 120 s of the restart");
        await Eventually.WaitAsync(
            async () => await Try(async () => (await ayon.GetAsync("api/addons")).Body?["addons"]?.AsArray().Any(a => a!["name"]!.GetValue<string>() == Addon) == true),
            loaded => loaded,
            "AYON to come back with the addon loaded",
            TimeSpan.FromSeconds(120));

        var bundle = await ayon.PostAsync("api/bundles", new JsonObject
        {
            ["name"] = "shotgrid-orleans-test-" + Guid.NewGuid().ToString("N")[..8],
            ["addons"] = new JsonObject { [Addon] = Version },
            ["dependencyPackages"] = new JsonObject(),
            ["isProduction"] = true,
        });
        Assert.True(bundle.Status == HttpStatusCode.Created, $"bundle: {bundle}");
    }

    /// <summary>Creates a user without manager rights, signs in as them, and returns the status of a GET.</summary>
    private static async Task<HttpStatusCode> AsArtistAsync(AyonCalls ayon, HttpClient http, string path)
    {
        var user = "artist" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var created = await ayon.PutAsync($"api/users/{user}", new JsonObject
        {
            ["attrib"] = new JsonObject { ["fullName"] = "Artist" },
            ["data"] = new JsonObject { ["isAdmin"] = false, ["isManager"] = false },
            ["password"] = password,
        });
        Assert.True(created.Status is HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK, $"create user: {created}");
        var login = await http.PostAsync("api/auth/login", JsonContent(new JsonObject { ["name"] = user, ["password"] = password }));
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())?["token"]?.GetValue<string>();
        Assert.True(token is not null, $"login: {(int)login.StatusCode}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.SendAsync(request)).StatusCode;
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static JsonNode Ok(AyonAnswer answer, string what)
    {
        Assert.True((int)answer.Status is >= 200 and <= 299, $"{what}: {answer}");
        return answer.Body ?? new JsonObject();
    }

    private static async Task<T?> Try<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Restarting: no answer yet.
            return default;
        }
    }

    /// <summary>Builds the addon zip with its own script, as the README says.</summary>
    private static async Task<string> BuildZipAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AyonShotgrid.Orleans.sln")))
        {
            root = root.Parent;
        }

        var outDir = Directory.CreateTempSubdirectory("ayonsg-addon-").FullName;
        var start = new ProcessStartInfo("python3") { WorkingDirectory = Path.Combine(root!.FullName, "ayon-addon"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("create_package.py");
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(outDir);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        return Path.Combine(outDir, $"{Addon}-{Version}.zip");
    }
}
