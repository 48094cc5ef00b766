using AyonShotgrid.Grains.Ayon;
using Microsoft.AspNetCore.Http;
using static AyonShotgrid.Tests.Clients.AyonTestKit;

namespace AyonShotgrid.Tests.Clients;

public sealed class AyonClientRestartTests
{
    // The poll interval (0.5 s) runs on virtual time; each stalled probe costs 1.5 s of real time — long enough that
    // a slow but answering loopback request on a loaded 2-core CI machine is not mistaken for a stall (400 ms was not).
    private static AyonClient RestartClient(LoopbackServer server, TimeProvider time) =>
        Client(server, time, probeTimeout: TimeSpan.FromMilliseconds(1500));

    /// <summary>Answers /api/info according to a script: one entry per call after the restart, the last entry repeating.</summary>
    private static Func<HttpContext, RecordedRequest, Task> Server(double uptimeBefore, params string[] afterRestart)
    {
        var restarted = false;
        var infoCalls = 0;
        return (ctx, req) =>
        {
            if (req.Path == "/api/system/restart")
            {
                restarted = true;
                ctx.Response.StatusCode = 204;
                return Task.CompletedTask;
            }

            if (!restarted)
            {
                return LoopbackServer.WriteJsonAsync(ctx, 200, $$"""{"version":"1.15.18","uptime":{{uptimeBefore}}}""");
            }

            var step = afterRestart[Math.Min(Interlocked.Increment(ref infoCalls) - 1, afterRestart.Length - 1)];
            return step == "hang" ? LoopbackServer.HangAsync(ctx) : LoopbackServer.WriteJsonAsync(ctx, 200, step);
        };
    }

    [Fact]
    public async Task WaitsThroughTheUnansweredStallUntilInfoAnswers()
    {
        await using var server = await LoopbackServer.StartAsync(Server(100, "hang", "hang", """{"uptime":0.8}"""));
        using var client = RestartClient(server, new InstantDelayTimeProvider());

        await client.RestartServerAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Single(server.RequestsTo("/api/system/restart"));
        Assert.Equal("POST", server.RequestsTo("/api/system/restart")[0].Method);
        Assert.Equal(4, server.RequestsTo("/api/info").Count); // before + 2 stalled + the answer
    }

    [Fact]
    public async Task AnAnswerFromTheOldProcessDoesNotCountAsRestarted()
    {
        await using var server = await LoopbackServer.StartAsync(Server(100, """{"uptime":100.5}""", """{"uptime":1.5}"""));
        using var client = RestartClient(server, new InstantDelayTimeProvider());

        await client.RestartServerAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, server.RequestsTo("/api/info").Count);
    }

    [Fact]
    public async Task AServerThatReportsNoUptimeIsBelievedAtItsFirstAnswer()
    {
        await using var server = await LoopbackServer.StartAsync(Server(100, """{"version":"emulator"}"""));
        using var client = RestartClient(server, new InstantDelayTimeProvider());

        await client.RestartServerAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(2, server.RequestsTo("/api/info").Count);
    }

    [Fact]
    public async Task AServerThatNeverShowsARestartIsBelievedAfterTheGracePeriod()
    {
        await using var server = await LoopbackServer.StartAsync(Server(100, """{"uptime":101}"""));
        var time = new InstantDelayTimeProvider();
        using var client = RestartClient(server, time);
        var started = time.GetUtcNow();

        await client.RestartServerAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        // First old-looking answer at 0.5 s, believed 5 s later.
        Assert.Equal(TimeSpan.FromSeconds(5.5), time.GetUtcNow() - started);
    }

    [Fact]
    public async Task GivesUpWhenTheServerStaysSilentPastTheTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(Server(100, "hang"));
        var time = new InstantDelayTimeProvider();
        using var client = RestartClient(server, time);
        var started = time.GetUtcNow();

        var error = await Assert.ThrowsAsync<AyonException>(() => client.RestartServerAsync(TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Contains("did not answer within 2 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
        Assert.Equal(1 + 4, server.RequestsTo("/api/info").Count); // one probe per 0.5 s of (virtual) time
    }
}
