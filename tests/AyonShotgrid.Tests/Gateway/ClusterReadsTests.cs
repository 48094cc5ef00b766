using AyonShotgrid.Gateway.Hosting;
using Orleans.Runtime;
using Xunit;

namespace AyonShotgrid.Tests.Gateway;

/// <summary>The gateway's reads retry when the silo holding the grain is gone, and only then.</summary>
public sealed class ClusterReadsTests
{
    private static readonly TimeSpan ShortAttempt = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_read_that_meets_a_dead_silo_is_answered_by_the_next_attempt()
    {
        var attempts = 0;
        var value = await ClusterReads.ReadAsync(() =>
        {
            attempts++;
            return attempts < 3 ? Task.FromException<int>(new SiloUnavailableException("silo gone")) : Task.FromResult(42);
        }, attemptTimeout: ShortAttempt, deadline: ShortDeadline);

        Assert.Equal(42, value);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_read_held_by_an_unreachable_silo_is_abandoned_and_sent_again()
    {
        var attempts = 0;
        var never = new TaskCompletionSource<string>();
        var value = await ClusterReads.ReadAsync(() => ++attempts == 1 ? never.Task : Task.FromResult("answered"),
            attemptTimeout: ShortAttempt, deadline: ShortDeadline);

        Assert.Equal("answered", value);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_grain_that_says_no_is_not_asked_again()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ClusterReads.ReadAsync<int>(() =>
        {
            attempts++;
            throw new InvalidOperationException("the grain's own answer");
        }, attemptTimeout: ShortAttempt, deadline: ShortDeadline));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_silo_that_stays_gone_fails_the_read_after_the_deadline()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<SiloUnavailableException>(() => ClusterReads.ReadAsync<int>(() =>
        {
            attempts++;
            throw new SiloUnavailableException("silo gone");
        }, attemptTimeout: ShortAttempt, deadline: TimeSpan.FromMilliseconds(700)));

        Assert.InRange(attempts, 2, 5);
    }
}
