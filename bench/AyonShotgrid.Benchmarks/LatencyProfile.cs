using System.Globalization;

namespace AyonShotgrid.Benchmarks;

/// <summary>
/// Latency the emulators add to every answer, so a run on loopback shows how the sync behaves against servers far away.
/// <c>loopback</c> (none) is the default; <c>cloud</c> is a studio's ShotGrid site in the cloud and an AYON server a
/// short hop away: ShotGrid 300 ms a request + 0.2 ms a returned record, AYON 50 ms a request + 1 ms an operation.
/// </summary>
public sealed record LatencyProfile(string Name, double ShotGridRequestMs, double ShotGridRecordMs, double AyonRequestMs, double AyonOperationMs)
{
    public static readonly LatencyProfile Loopback = new("loopback", 0, 0, 0, 0);

    public static readonly LatencyProfile Cloud = new("cloud", 300, 0.2, 50, 1);

    public bool IsNone => ShotGridRequestMs <= 0 && ShotGridRecordMs <= 0 && AyonRequestMs <= 0 && AyonOperationMs <= 0;

    public static LatencyProfile Named(string name) => name switch
    {
        "loopback" => Loopback,
        "cloud" => Cloud,
        _ => throw new ArgumentException($"--profile is loopback or cloud, not '{name}'."),
    };

    /// <summary>Every figure times <paramref name="factor"/> (the smoke test runs the cloud profile at a tenth).</summary>
    public LatencyProfile Scaled(double factor) => this with
    {
        Name = string.Create(CultureInfo.InvariantCulture, $"{Name} ×{factor:G3}"),
        ShotGridRequestMs = ShotGridRequestMs * factor,
        ShotGridRecordMs = ShotGridRecordMs * factor,
        AyonRequestMs = AyonRequestMs * factor,
        AyonOperationMs = AyonOperationMs * factor,
    };

    public override string ToString() => IsNone
        ? $"{Name} (no injected latency)"
        : string.Create(CultureInfo.InvariantCulture, $"{Name}: ShotGrid {ShotGridRequestMs:G4} ms a request + {ShotGridRecordMs:G4} ms a record, AYON {AyonRequestMs:G4} ms a request + {AyonOperationMs:G4} ms an operation");
}
