using System.Net.Http.Json;
using System.Text.Json;
using AyonShotgrid.Demo;
using AyonShotgrid.Emulators.Ayon;
using AyonShotgrid.Emulators.ShotGrid;

namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>
/// The emulators in this process on loopback, and N silo processes plus one gateway process over one fresh
/// PostgreSQL schema and a cluster id of their own. Everything is configured through environment variables, as in production.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    public const string GatewayKey = "scale-out-gateway-key";

    private ScaleOutCluster(ShotGridEmulator shotGrid, AyonEmulator ayon, PostgresSchema schema, string logDirectory)
    {
        ShotGrid = shotGrid;
        Ayon = ayon;
        Schema = schema;
        LogDirectory = logDirectory;
    }

    public ShotGridEmulator ShotGrid { get; }

    public AyonEmulator Ayon { get; }

    public PostgresSchema Schema { get; }

    public string LogDirectory { get; }

    public string ClusterId { get; } = $"scaleout-{Guid.NewGuid():N}";

    public List<HostProcess> Silos { get; } = [];

    private int _silosStarted;

    public HostProcess Gateway { get; private set; } = null!;

    public static async Task<ScaleOutCluster> StartEmulatorsAsync()
    {
        var schema = await PostgresSchema.CreateAsync();
        var shotGrid = await ShotGridEmulator.StartAsync();
        var ayon = await AyonEmulator.StartAsync();
        var logs = Path.Combine(Path.GetTempPath(), $"ayon-shotgrid-scaleout-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(logs);
        return new ScaleOutCluster(shotGrid, ayon, schema, logs);
    }

    public void StartHosts(int silos)
    {
        for (var i = 1; i <= silos; i++)
        {
            StartSilo();
        }

        Gateway = HostProcess.Start("gateway", BuiltHosts.GatewayDll, FreePorts.Any(), CommonEnvironment(), LogDirectory);
    }

    /// <summary>One more silo process (named silo1, silo2, … in start order, so a restarted silo keeps its own log); the gateway finds it through membership.</summary>
    public HostProcess StartSilo()
    {
        var env = CommonEnvironment();
        env["Orleans__SiloPort"] = FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Orleans__GatewayPort"] = FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Orleans__AdvertisedIP"] = "127.0.0.1";
        var silo = HostProcess.Start($"silo{++_silosStarted}", BuiltHosts.SiloDll, FreePorts.Any(), env, LogDirectory);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Health of every process, then the gateway answering through the cluster.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var host in Silos.Append(Gateway))
        {
            await Eventually.WaitAsync(
                async () => !host.HasExited && (await http.GetAsync(new Uri(host.HttpUrl, "health/ready"))).IsSuccessStatusCode,
                ok => ok || host.HasExited,
                $"{host.Name} /health/ready",
                timeout,
                Diagnose);
            Assert.False(host.HasExited, $"{host.Name} exited during start-up{Environment.NewLine}{Diagnose()}");
        }

        using var gateway = GatewayClient();
        await Eventually.WaitAsync(
            async () => (await gateway.GetAsync("api/shotgrid/projects")).IsSuccessStatusCode,
            ok => ok,
            "the gateway to list ShotGrid projects through the cluster",
            timeout,
            Diagnose);
    }

    public HttpClient GatewayClient()
    {
        var client = new HttpClient { BaseAddress = Gateway.HttpUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-api-key", GatewayKey);
        return client;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    /// <summary>Tails of every process's output, plus where the full logs are.</summary>
    public string Diagnose() =>
        string.Join(Environment.NewLine, Silos.Append(Gateway).Where(h => h is not null).Select(h => h.Tail())) +
        $"{Environment.NewLine}(full logs in {LogDirectory})";

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Silos.Append(Gateway).Where(h => h is not null))
        {
            host.Dispose();
        }

        await Ayon.DisposeAsync();
        await ShotGrid.DisposeAsync();
        await Schema.DisposeAsync();
    }

    private Dictionary<string, string> CommonEnvironment() => new()
    {
        // Four processes share one server (100 connections by default); Npgsql's default pool of 100 each would not fit.
        ["ConnectionStrings__Orleans"] = Schema.ConnectionString + ";Maximum Pool Size=20",
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__ServiceId"] = ClusterId,
        ["ShotGrid__Url"] = ShotGrid.BaseUrl.ToString(),
        ["ShotGrid__ScriptName"] = ShotGrid.ScriptName,
        ["ShotGrid__ApiKey"] = ShotGrid.ScriptKey,
        ["Ayon__Url"] = Ayon.BaseUrl.ToString(),
        ["Ayon__ApiKey"] = Ayon.ApiKey,
        ["Gateway__ApiKey"] = GatewayKey,
        ["Sync__PollInterval"] = "00:00:00.500",
        ["Sync__LeecherKeepAlivePeriod"] = "00:00:05",
        ["Sync__JobResumePeriod"] = "00:00:05",
        ["Orleans__MinimumReminderPeriod"] = "00:00:01",
        ["Dashboard__AllowAnonymous"] = "true",
    };
}
