using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>An in-memory AYON server on loopback, for tests, the demo and benchmarks.</summary>
public sealed class AyonEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestCounter _counter;

    private AyonEmulator(WebApplication app, AyonStore store, AyonFaults faults, RequestCounter counter, string apiKey, Uri baseUrl)
    {
        _app = app;
        Store = store;
        Faults = faults;
        _counter = counter;
        ApiKey = apiKey;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL with a trailing slash, e.g. <c>http://127.0.0.1:5102/</c>.</summary>
    public Uri BaseUrl { get; }

    public string ApiKey { get; }
    public AyonStore Store { get; }
    public AyonFaults Faults { get; }

    /// <summary>HTTP requests served so far, including failed and faulted ones.</summary>
    public int RequestCount => _counter.Count;

    public static async Task<AyonEmulator> StartAsync(AyonEmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new AyonEmulatorOptions();
        var faults = new AyonFaults();
        var store = new AyonStore(options, faults, TimeProvider.System);
        var counter = new RequestCounter();
        var app = AyonApp.Build(options, store, counter);
        await app.StartAsync(ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address");
        var address = addresses.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new AyonEmulator(app, store, faults, counter, options.ApiKey, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
