using System.Globalization;

namespace AyonShotgrid.Benchmarks;

/// <summary>What one benchmark run does; parsed from the command line (see <see cref="Usage"/>).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        AyonShotgrid.Benchmarks [options]
          --entities N        size of the full-sync project (default 100000; episodes, sequences, shots, assets, tasks)
          --quick             small run that finishes well under a minute (2000 entities, 3 s event stream at 1000 events/s)
          --postgres CS       PostgreSQL connection string for the cluster's storage and clustering (default: in-memory;
                              also taken from BENCH_POSTGRES)
          --event-rate R      ShotGrid events (EventLogEntry rows) per second during the event stream (default 2000)
          --event-seconds S   how long the event stream runs (default 10)
          --poll-interval T   Sync:PollInterval of the leecher, e.g. 00:00:01 (default 1 s)
          --out DIR           where latest.json and latest.md go (default bench/results)
          --in-process        host silo and gateway in this process (default: a child process, so its memory is the sync's own)
          --cluster-gc MODE   server (default, as the silo ships) or workstation: the GC of the cluster process
          --setting K=V       extra cluster configuration, e.g. Sync:MirrorEventsToAyon=false (repeatable)
          --profile NAME      latency the emulators add: loopback (default, none) or cloud (ShotGrid 300 ms a request
                              + 0.2 ms a returned record, AYON 50 ms a request + 1 ms an operation)
          --push N            instead of the sync benchmark: the AYON → ShotGrid push of N folders and tasks made in one
                              /operations burst, then label changes at --push-rate per second for --event-seconds
          --push-rate R       AYON changes per second in the push latency phase (default 200)
          --notes N           instead of the sync benchmark: the full sync's notes step over N ShotGrid notes (a reply on
                              every fourth), then notes made at --note-rate per second for --note-seconds with the leecher on
          --note-rate R       ShotGrid notes per second in the notes latency phase (default 100)
          --note-seconds S    how long the notes latency phase runs (default 10)
          --sg-latency MS, --sg-record-latency MS, --ayon-latency MS, --ayon-op-latency MS
                              set one figure of the latency (overrides that figure of --profile)
        """;

    public int Entities { get; init; } = 100_000;

    public double EventRate { get; init; } = 2000;

    public TimeSpan EventDuration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string? PostgresConnectionString { get; init; }

    public string OutputDirectory { get; init; } = Path.Combine("bench", "results");

    public bool InProcess { get; init; }

    public bool Quick { get; init; }

    /// <summary>Entities of the push scenario (<c>--push N</c>); 0 runs the sync benchmark instead.</summary>
    public int PushEntities { get; init; }

    public double PushChangeRate { get; init; } = 200;

    /// <summary>ShotGrid notes of the notes scenario (<c>--notes N</c>); 0 runs the sync benchmark instead.</summary>
    public int Notes { get; init; }

    public double NoteRate { get; init; } = 100;

    public TimeSpan NoteDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Latency the emulators add to every answer (<c>--profile</c> and the per-figure options).</summary>
    public LatencyProfile Latency { get; init; } = LatencyProfile.Loopback;

    /// <summary>GC of the cluster's child process: null keeps what the silo ships with (Server GC, DATAS).</summary>
    public string? ClusterGc { get; init; }

    /// <summary>Extra cluster configuration (<c>--setting Key=Value</c>), applied over the benchmark's defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest the whole run may take before it is abandoned as stuck.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(20);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { PostgresConnectionString = Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } env ? env : null };
        if (args.Contains("--quick"))
        {
            options = options with { Quick = true, Entities = 2000, EventRate = 1000, EventDuration = TimeSpan.FromSeconds(3), Deadline = TimeSpan.FromMinutes(3) };
        }

        // The profile first, so a figure given anywhere on the line overrides it.
        if (args.ToList().IndexOf("--profile") is >= 0 and var at && at + 1 < args.Count)
        {
            options = options with { Latency = LatencyProfile.Named(args[at + 1]) };
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" => options,
                "--entities" => options with { Entities = PositiveInt(Next(), "--entities") },
                "--postgres" => options with { PostgresConnectionString = Next() },
                "--event-rate" => options with { EventRate = PositiveInt(Next(), "--event-rate") },
                "--event-seconds" => options with { EventDuration = TimeSpan.FromSeconds(PositiveInt(Next(), "--event-seconds")) },
                "--poll-interval" => options with { PollInterval = TimeSpan.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutputDirectory = Next() },
                "--push" => options with { PushEntities = PositiveInt(Next(), "--push") },
                "--push-rate" => options with { PushChangeRate = PositiveInt(Next(), "--push-rate") },
                "--notes" => options with { Notes = PositiveInt(Next(), "--notes") },
                "--note-rate" => options with { NoteRate = PositiveInt(Next(), "--note-rate") },
                "--note-seconds" => options with { NoteDuration = TimeSpan.FromSeconds(PositiveInt(Next(), "--note-seconds")) },
                "--in-process" => options with { InProcess = true },
                "--cluster-gc" => options with { ClusterGc = GcMode(Next()) },
                "--setting" => options with { Settings = WithSetting(options.Settings, Next()) },
                "--profile" => Next() is { } ? options : options, // read before the loop
                "--sg-latency" => options with { Latency = options.Latency with { Name = "custom", ShotGridRequestMs = Milliseconds(Next(), "--sg-latency") } },
                "--sg-record-latency" => options with { Latency = options.Latency with { Name = "custom", ShotGridRecordMs = Milliseconds(Next(), "--sg-record-latency") } },
                "--ayon-latency" => options with { Latency = options.Latency with { Name = "custom", AyonRequestMs = Milliseconds(Next(), "--ayon-latency") } },
                "--ayon-op-latency" => options with { Latency = options.Latency with { Name = "custom", AyonOperationMs = Milliseconds(Next(), "--ayon-op-latency") } },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        // Seeding, preparing, two syncs and the floor's replay grow with the project: a million entities is not stuck
        // at 20 minutes.
        return options.Entities > 100_000
            ? options with { Deadline = TimeSpan.FromMinutes(Math.Max(options.Deadline.TotalMinutes, 20.0 * options.Entities / 100_000)) }
            : options;
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new ArgumentException($"--setting wants Key=Value, not '{pair}'.");
        }

        return new Dictionary<string, string>(settings) { [pair[..at]] = pair[(at + 1)..] };
    }

    private static string GcMode(string text) =>
        text is "server" or "workstation" ? text : throw new ArgumentException($"--cluster-gc is server or workstation, not '{text}'.");

    private static double Milliseconds(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{name} wants milliseconds (0 or more), not '{text}'.");

    private static int PositiveInt(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} wants a positive whole number, not '{text}'.");
}
