using AyonShotgrid.Persistence.Tests.Grains;
using AyonShotgrid.Persistence.Tests.Infrastructure;

namespace AyonShotgrid.Persistence.Tests;

[Collection(PostgresClusterCollection.Name)]
public sealed class ReminderTableTests(PostgresClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task RemindersAreRegisteredListedUpdatedAndUnregisteredThroughTheTable()
    {
        var grain = fixture.Cluster.Client.GetGrain<IReminderTestGrain>("reminders:round-trip");

        await grain.RegisterAsync("alpha", Hour, Hour);
        await grain.RegisterAsync("beta", Hour, Hour);
        Assert.Equal(["alpha", "beta"], await grain.ListAsync());
        Assert.Equal([("alpha", 3_600_000L, 1), ("beta", 3_600_000L, 1)], await ReadRowsAsync());

        await grain.RegisterAsync("alpha", Hour, 2 * Hour);
        Assert.Equal([("alpha", 7_200_000L, 2), ("beta", 3_600_000L, 1)], await ReadRowsAsync());

        await grain.UnregisterAsync("alpha");
        Assert.Equal(["beta"], await grain.ListAsync());
        Assert.Equal([("beta", 3_600_000L, 1)], await ReadRowsAsync());
    }

    [Fact]
    public async Task PeriodsBeyondInt32MillisecondsAreStored()
    {
        var grain = fixture.Cluster.Client.GetGrain<IReminderTestGrain>("reminders:long-period");
        var period = TimeSpan.FromDays(30); // 2 592 000 000 ms: the provider sends it as a 64-bit value

        await grain.RegisterAsync("monthly", Hour, period);

        var row = Assert.Single(await fixture.Schema.QueryAsync(
            "SELECT period_ms FROM orleans_reminder WHERE service_id = @service AND reminder_name = 'monthly'",
            ("service", fixture.ServiceId)));
        Assert.Equal((long)period.TotalMilliseconds, row[0]);
        Assert.Equal(["monthly"], await grain.ListAsync());
    }

    private async Task<List<(string Name, long PeriodMs, int Version)>> ReadRowsAsync()
    {
        var rows = await fixture.Schema.QueryAsync(
            "SELECT reminder_name, period_ms, version FROM orleans_reminder WHERE service_id = @service AND grain_id LIKE '%reminders:round-trip' ORDER BY reminder_name",
            ("service", fixture.ServiceId));
        return rows.Select(row => ((string)row[0]!, (long)row[1]!, (int)row[2]!)).ToList();
    }
}
