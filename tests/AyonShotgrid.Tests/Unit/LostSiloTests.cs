using System.Reflection;
using AyonShotgrid.Contracts;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Xunit;

namespace AyonShotgrid.Tests.Unit;

/// <summary>The one classifier of "the silo that held the grain is gone", and the retry that uses it.</summary>
public sealed class LostSiloTests
{
    private static readonly LostSiloRetry Quick = new(Attempts: 5, FirstPause: TimeSpan.FromMilliseconds(1), LongestPause: TimeSpan.FromMilliseconds(4));

    public static TheoryData<string> LostSilos => ["unavailable", "connection", "rejected-dead", "inner", "aggregate", "deep"];

    [Theory]
    [MemberData(nameof(LostSilos))]
    public void A_failure_from_a_lost_silo_is_one_however_it_is_wrapped(string shape) =>
        Assert.True(LostSilo.Is(Make(shape)));

    [Fact]
    public void A_grains_own_answer_or_a_plain_runtime_failure_is_not_a_lost_silo()
    {
        Assert.False(LostSilo.Is(new InvalidOperationException("the grain said no")));
        Assert.False(LostSilo.Is(new OrleansException("cannot find an invoker")));
        Assert.False(LostSilo.Is(new TimeoutException("no answer")));
        Assert.False(LostSilo.Is(new AggregateException(new InvalidOperationException("a"), new ArgumentException("b"))));
        Assert.False(LostSilo.Is(new InvalidOperationException("outer", new HttpRequestException("AYON refused"))));
    }

    [Fact]
    public void A_call_that_timed_out_counts_only_when_silence_is_asked_about()
    {
        Assert.True(LostSilo.IsOrSilent(new TimeoutException("response timeout")));
        Assert.True(LostSilo.IsOrSilent(new SiloUnavailableException("gone")));
        Assert.False(LostSilo.IsOrSilent(new InvalidOperationException("no")));
    }

    [Fact]
    public async Task A_call_that_meets_a_lost_silo_is_sent_again_and_each_retry_is_reported()
    {
        var calls = 0;
        var reported = new List<int>();
        var value = await LostSilo.RetryAsync(
            () => ++calls < 3 ? Task.FromException<int>(Make("inner")) : Task.FromResult(7), Quick, (attempt, _) => reported.Add(attempt));

        Assert.Equal(7, value);
        Assert.Equal([1, 2], reported);
    }

    [Fact]
    public async Task A_grains_no_is_not_sent_again_and_a_lasting_loss_ends_after_the_attempts()
    {
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => LostSilo.RetryAsync(() => { calls++; throw new InvalidOperationException("no"); }, Quick));
        Assert.Equal(1, calls);

        calls = 0;
        await Assert.ThrowsAsync<ConnectionFailedException>(() => LostSilo.RetryAsync(() => { calls++; throw new ConnectionFailedException("gone"); }, Quick));
        Assert.Equal(Quick.Attempts, calls);
    }

    [Fact]
    public async Task A_timeout_is_sent_again_only_when_the_policy_says_silence_means_lost()
    {
        var calls = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => LostSilo.RetryAsync(() => { calls++; throw new TimeoutException(); }, Quick));
        Assert.Equal(1, calls);

        calls = 0;
        var value = await LostSilo.RetryAsync(() => ++calls == 1 ? Task.FromException<int>(new TimeoutException()) : Task.FromResult(1), Quick with { TimeoutsMeanLost = true });
        Assert.Equal(2, calls);
        Assert.Equal(1, value);
    }

    private static Exception Make(string shape) => shape switch
    {
        "unavailable" => new SiloUnavailableException("The target silo became unavailable for message"),
        "connection" => new ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:11111"),
        "rejected-dead" => Rejection("Silo S127.0.0.1:11112 is rejecting message to known-dead silo S127.0.0.1:11111"),
        "inner" => new InvalidOperationException("the playlist step failed", new SiloUnavailableException("gone")),
        "aggregate" => new AggregateException(new ArgumentException("other"), new ConnectionFailedException("gone")),
        "deep" => new InvalidOperationException("outer", new AggregateException(Rejection("known-dead silo"))),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>Orleans builds its message rejections itself (the constructor is internal); the runtime's own type is wanted here.</summary>
    private static OrleansMessageRejectionException Rejection(string message) =>
        (OrleansMessageRejectionException)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, null, [message], null)!;
}
