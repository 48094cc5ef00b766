using AyonShotgrid.Grains.Push;
using static AyonShotgrid.Grains.Push.ConflictRule;

namespace AyonShotgrid.Tests.Unit;

/// <summary>The push's declared conflict rule, field by field.</summary>
public sealed class ConflictRuleTests
{
    private static readonly DateTimeOffset AyonAt = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShotGridStillHoldingAyonsOldValueIsPushedWithoutAConflict() =>
        Assert.Equal(Verdict.Push, Decide("sh010", "Shot 10", "sh010", AyonAt, AyonAt.AddMinutes(5)));

    [Fact]
    public void ShotGridAlreadyHoldingTheNewValueNeedsNoWrite() =>
        Assert.Equal(Verdict.AlreadyThere, Decide("sh010", "Shot 10", "Shot 10", AyonAt, AyonAt.AddMinutes(5)));

    [Fact]
    public void BothChangedAndShotGridIsLaterShotGridWins() =>
        Assert.Equal(Verdict.ConflictShotGridWins, Decide("sh010", "Shot 10", "named in sg", AyonAt, AyonAt.AddSeconds(1)));

    [Fact]
    public void BothChangedAndAyonIsLaterAyonWins() =>
        Assert.Equal(Verdict.ConflictAyonWins, Decide("sh010", "Shot 10", "named in sg", AyonAt, AyonAt.AddSeconds(-1)));

    [Fact]
    public void AShotGridEntityWithoutATimeLosesToAyon() =>
        Assert.Equal(Verdict.ConflictAyonWins, Decide("ip", "fin", "hld", AyonAt, null));
}
