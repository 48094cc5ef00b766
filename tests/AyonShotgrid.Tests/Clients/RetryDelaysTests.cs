using System.Net.Http.Headers;
using AyonShotgrid.Grains.Http;

namespace AyonShotgrid.Tests.Clients;

public sealed class RetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0.0, 100)]
    [InlineData(0, 0.999, 199.9)]
    [InlineData(1, 0.0, 200)]
    [InlineData(3, 0.5, 1200)]
    [InlineData(6, 0.0, 5000)] // 200 * 64 = 12.8 s, capped at 10 s
    [InlineData(30, 0.999, 9995)]
    public void BackoffDoublesFromTwoHundredMillisecondsUpToTenSecondsWithJitter(int retryIndex, double random, double expectedMs) =>
        Assert.Equal(expectedMs, RetryDelays.Backoff(retryIndex, random).TotalMilliseconds, 1);

    [Fact]
    public void RetryAfterAsAnHttpDateIsMeasuredFromNow() =>
        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(12)), Now));

    [Fact]
    public void RetryAfterInThePastMeansRetryNow() =>
        Assert.Equal(TimeSpan.Zero, RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(-5)), Now));

    [Fact]
    public void RetryAfterIsCappedAtOneMinute() =>
        Assert.Equal(TimeSpan.FromSeconds(60), RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), Now));

    [Fact]
    public void NoRetryAfterHeaderLeavesTheChoiceToBackoff() => Assert.Null(RetryDelays.FromRetryAfter(null, Now));
}
