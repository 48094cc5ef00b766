using System.Collections.Concurrent;
using System.Text;
using AyonShotgrid.Emulators;
using AyonShotgrid.Emulators.ShotGrid;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Sync;

/// <summary>
/// The full sync's ShotGrid read (issue 20): large types are read as id ranges side by side, every entity exactly once,
/// and no more than <see cref="SyncOptions.ShotGridConcurrency"/> requests are in flight at once.
/// </summary>
public sealed class ShotGridRangeReadTests
{
    [Fact]
    public async Task ALargeTypeIsReadAsIdRangesSideBySideWithinTheConcurrencyBoundEachEntityOnce()
    {
        await using var site = await TappedSite.StartAsync("Ranges");
        var (taps, latency, seeded, client) = (site.Taps, site.Latency, site.Seeded, site.Client);
        var reader = new ShotGridProjectReader(client, site.Options, Options.Create(new SyncOptions { PageSize = 50, ShotGridConcurrency = 3 }));
        var project = await reader.ReadProjectAsync(seeded.ProjectId, CancellationToken.None);

        // Every answer held a little (before its first byte goes out), so requests that can overlap do.
        latency.PerRequest = TimeSpan.FromMilliseconds(20);
        latency.PerItem = TimeSpan.FromMilliseconds(1);
        taps.Start();
        var items = await reader.ReadItemsAsync(project, null, CancellationToken.None);

        long[] expected = [.. seeded.EpisodeIds, .. seeded.SequenceIds, .. seeded.ShotIds, .. seeded.AssetIds, .. seeded.TaskIds];
        Assert.Equal(expected.Order(), items.Select(i => i.Id).Order());
        Assert.Equal(items.Count, items.Select(i => i.Key).Distinct().Count());

        // 960 tasks in pages of 50: after the first page the rest is cut into id ranges, each with an upper bound
        // but the last, and read side by side.
        var taskSearches = taps.Bodies.Where(b => b.Path.EndsWith("/tasks/_search", StringComparison.Ordinal)).ToList();
        Assert.Contains(taskSearches, b => b.Body.Contains("less_than", StringComparison.Ordinal));
        Assert.Equal(3, taps.MaxInFlight);
    }

    [Fact]
    public async Task RangesAreHandedOverInIdOrderWhileLaterRangesAreStillRead()
    {
        await using var site = await TappedSite.StartAsync("InOrder");
        var (taps, latency, seeded, client) = (site.Taps, site.Latency, site.Seeded, site.Client);
        var filter = SgFilter.And().Where("project", "is", new SgEntityRef("Project", seeded.ProjectId));
        latency.PerRequest = TimeSpan.FromMilliseconds(20);
        taps.Start();

        var taken = new List<(List<long> Ids, int AnsweredBefore)>();
        await ShotGridIdRanges.SearchInOrderAsync(client, "Task", filter, ["content"], 50, 3, r => r.Id, range =>
        {
            taken.Add(([.. range], taps.Answered));
            return Task.CompletedTask;
        }, CancellationToken.None);

        // Every task once, in id order across the ranges; the low ranges were taken while the high ones were not yet read.
        var ids = taken.SelectMany(t => t.Ids).ToList();
        Assert.Equal(seeded.TaskIds.Order(), ids);
        Assert.True(taken.Count > 5, $"{taken.Count} ranges");
        Assert.True(taken[1].AnsweredBefore < taps.Answered / 2, $"second range taken after {taken[1].AnsweredBefore} of {taps.Answered} answers");
    }

    /// <summary>
    /// A ShotGrid emulator with a seeded project large enough to be read as ranges (960 tasks), its requests tapped and
    /// its latency adjustable, and the production client pointed at it.
    /// </summary>
    private sealed class TappedSite : IAsyncDisposable
    {
        private readonly ShotGridEmulator _emulator;

        private TappedSite(ShotGridEmulator emulator, Taps taps, EmulatorLatency latency, SeededProject seeded)
        {
            _emulator = emulator;
            (Taps, Latency, Seeded) = (taps, latency, seeded);
            Options = Microsoft.Extensions.Options.Options.Create(new ShotGridOptions { Url = emulator.BaseUrl.ToString(), ScriptName = emulator.ScriptName, ApiKey = emulator.ScriptKey });
            Client = new ShotGridClient(Options, NullLogger<ShotGridClient>.Instance);
        }

        public Taps Taps { get; }

        public EmulatorLatency Latency { get; }

        public SeededProject Seeded { get; }

        public IOptions<ShotGridOptions> Options { get; }

        public ShotGridClient Client { get; }

        public static async Task<TappedSite> StartAsync(string projectName)
        {
            var taps = new Taps();
            var latency = new EmulatorLatency();
            var emulator = await ShotGridEmulator.StartAsync(new ShotGridEmulatorOptions { RequestTap = taps.TapAsync, Latency = latency });
            var seeded = ShotGridSeeder.SeedProject(emulator.Store, new SeedSpec(projectName, Episodes: 1, SequencesPerEpisode: 2, ShotsPerSequence: 150, Assets: 20, TasksPerEntity: 3));
            return new TappedSite(emulator, taps, latency, seeded);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>
    /// Sees each request as it arrives (body kept) and counts those not yet answered. A request stops counting when its
    /// answer starts, before the client can have it and send the next one, so the count never runs ahead of the client's.
    /// </summary>
    private sealed class Taps
    {
        private int _inFlight;
        private int _maxInFlight;
        private int _answered;
        private bool _on;

        public ConcurrentQueue<(string Path, string Body)> Bodies { get; } = new();

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        /// <summary>Requests whose answer has started.</summary>
        public int Answered => Volatile.Read(ref _answered);

        public void Start() => Volatile.Write(ref _on, true);

        public async Task TapAsync(HttpContext http)
        {
            if (!Volatile.Read(ref _on))
            {
                return;
            }

            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            http.Response.OnStarting(() =>
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _answered);
                return Task.CompletedTask;
            });
            http.Request.EnableBuffering();
            using var copy = new MemoryStream();
            await http.Request.Body.CopyToAsync(copy);
            http.Request.Body.Position = 0;
            Bodies.Enqueue((http.Request.Path.Value ?? "", Encoding.UTF8.GetString(copy.ToArray())));
        }
    }
}
