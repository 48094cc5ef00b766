using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>An in-process ShotGrid REST site on 127.0.0.1, with a store to seed and inspect and fault switches.</summary>
public sealed class ShotGridEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorServices _services;

    private ShotGridEmulator(WebApplication app, EmulatorServices services, Uri baseUrl)
    {
        _app = app;
        _services = services;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string ScriptName => _services.Options.ScriptName;

    public string ScriptKey => _services.Options.ScriptKey;

    /// <summary>The ApiUser the script authenticates as (the JWT <c>user</c> claim).</summary>
    public long ScriptApiUserId => _services.ScriptApiUserId;

    /// <summary>Every access token the site issued so far.</summary>
    public IReadOnlyCollection<string> IssuedAccessTokens => _services.Tokens.Issued;

    public ShotGridStore Store => _services.Store;

    public ShotGridFaults Faults => _services.Faults;

    /// <summary>Total HTTP requests served, including refused ones.</summary>
    public int RequestCount => _services.RequestCount;

    public static async Task<ShotGridEmulator> StartAsync(ShotGridEmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ShotGridEmulatorOptions();
        var store = new ShotGridStore(options.Time);
        ShotGridSeeder.SeedSteps(store);
        var apiUserId = store.Create("ApiUser", new()
        {
            ["firstname"] = options.ScriptName, ["lastname"] = "1.0", ["description"] = "Emulator script",
            ["generate_event_log_entries"] = true,
        });
        var tokens = new TokenService(options.Time, options.TokenLifetime);
        var services = new EmulatorServices(store, tokens, new ShotGridFaults(tokens.ExpireAll), options, apiUserId);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(options.ListenAddress, options.Port));
        var app = builder.Build();
        app.Use(options.Latency.Middleware("data"));
        var pipeline = new RequestPipeline(services);
        app.Use(pipeline.InvokeAsync);
        Routes.Map(app, services);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ShotGridEmulator(app, services, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
