using AyonShotgrid.Conformance;

namespace AyonShotgrid.RealAyon.Tests.Infrastructure;

/// <summary>
/// The real AYON server started by scripts/test-real-ayon.sh (../shared/tools/real-ayon/start.sh). Its env file
/// is named by REAL_AYON_ENV_FILE; without it every test here fails with a message saying how to run them.
/// </summary>
public sealed class RealAyonServer : AyonTarget
{
    public const string EnvFileVariable = "REAL_AYON_ENV_FILE";

    private readonly Lock _gate = new();
    private Uri? _baseUrl;
    private string? _apiKey;
    private Task<(SyncDeployment Deployment, DemoRun Run)>? _demo;

    public override string Name => "real";

    public override Uri BaseUrl => _baseUrl ?? throw NotConfigured();

    public override string ApiKey => _apiKey ?? throw NotConfigured();

    public override async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(EnvFileVariable);
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw NotConfigured();
        }

        var values = (await File.ReadAllLinesAsync(path))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        _baseUrl = new Uri(values["AYON_SERVER_URL"].TrimEnd('/') + "/");
        _apiKey = values["AYON_API_KEY"];
        if (await RestartWait.UptimeAsync(_baseUrl) is null)
        {
            throw new InvalidOperationException($"The real AYON server at {_baseUrl} does not answer /api/info.");
        }
    }

    /// <summary>
    /// The demo project prepared (attributes created, server restarted) and fully synced on this server, once for
    /// all tests: only the first Prepare on a fresh server creates the attributes.
    /// </summary>
    public Task<(SyncDeployment Deployment, DemoRun Run)> DemoAsync()
    {
        lock (_gate)
        {
            return _demo ??= StartDemoAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        if (_demo is { IsCompletedSuccessfully: true } demo)
        {
            await demo.Result.Deployment.DisposeAsync();
        }
    }

    private async Task<(SyncDeployment, DemoRun)> StartDemoAsync()
    {
        var deployment = await SyncDeployment.StartAsync("real-ayon-e2e", BaseUrl, ApiKey);
        return (deployment, await DemoRun.RunAsync(deployment));
    }

    private static InvalidOperationException NotConfigured() => new(
        $"No real AYON server: {EnvFileVariable} must name the env file of ../shared/tools/real-ayon/start.sh. Run scripts/test-real-ayon.sh.");
}

/// <summary>
/// Every test on the real server runs in this one collection, one at a time: a restart (conformance, Prepare)
/// leaves the server unanswered for seconds, and request counts must not mix with another test's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealAyonCollection : ICollectionFixture<RealAyonServer>
{
    public const string Name = "real-ayon";
}
