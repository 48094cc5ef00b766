namespace AyonShotgrid.Grains.ShotGrid;

/// <summary>A minted bearer token and when it stops working.</summary>
internal sealed record ShotGridAccessToken(string Value, DateTimeOffset ExpiresAt, TimeSpan Lifetime)
{
    /// <summary>Refresh 90 s before expiry (as ShotGrid's own clients do), or halfway for unusually short tokens.</summary>
    public bool IsFresh(DateTimeOffset now) =>
        ExpiresAt - now > TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(90).Ticks, Lifetime.Ticks / 2));

    public override string ToString() => $"ShotGridAccessToken(expires {ExpiresAt:O})";
}
