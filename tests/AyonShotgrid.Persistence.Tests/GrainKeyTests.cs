using AyonShotgrid.Persistence.Tests.Grains;
using AyonShotgrid.Persistence.Tests.Infrastructure;

namespace AyonShotgrid.Persistence.Tests;

/// <summary>
/// The ADO.NET storage provider first tries to read a string key as a GUID, then as a hexadecimal integer
/// (dotnet/orleans#9706): "c0" and "00c0" are both the integer 192 and share one row. Keys with a non-hex
/// prefix ("item:c0") stay strings. All our grain keys carry such a prefix.
/// </summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class GrainKeyTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task PrefixedKeysThatDifferOnlyInHexDigitsKeepSeparateState()
    {
        var short_ = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:c0");
        var padded = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:00c0");

        await short_.SetValueAsync("short");
        await padded.SetValueAsync("padded");
        await fixture.Cluster.DeactivateAsync(short_);
        await fixture.Cluster.DeactivateAsync(padded);

        Assert.Equal("short", await short_.GetValueAsync());
        Assert.Equal("padded", await padded.GetValueAsync());
        var rows = await fixture.Schema.QueryAsync(
            "SELECT grain_id_n1, grain_id_ext FROM orleans_grain_state WHERE service_id = @service AND grain_id_ext LIKE 'item:%c0' ORDER BY grain_id_ext",
            ("service", fixture.ServiceId));
        Assert.Equal(["item:00c0", "item:c0"], rows.Select(row => (string)row[1]!));
        Assert.All(rows, row => Assert.Equal(0L, row[0]));
    }

    [Fact]
    public async Task BareHexLookingKeysShareOneRowWhichIsWhyKeysArePrefixed()
    {
        var short_ = fixture.Cluster.Client.GetGrain<ITestStateGrain>("c0");
        var padded = fixture.Cluster.Client.GetGrain<ITestStateGrain>("00c0");

        await short_.SetValueAsync("written by c0");

        // A different grain, yet it loads what "c0" wrote: both keys became the integer 0xC0.
        Assert.Equal("written by c0", await padded.GetValueAsync());
        var row = Assert.Single(await fixture.Schema.QueryAsync(
            "SELECT grain_id_n1, grain_id_ext FROM orleans_grain_state WHERE service_id = @service AND grain_id_n1 = 192",
            ("service", fixture.ServiceId)));
        Assert.Null(row[1]);
    }
}
