using System.Text.Json;
using AyonShotgrid.Persistence.Tests.Grains;
using AyonShotgrid.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AyonShotgrid.Persistence.Tests;

[Collection(PostgresClusterCollection.Name)]
public sealed class GrainStorageTests(PostgresClusterFixture fixture)
{
    private const string SelectRow = """
        SELECT grain_id_n0, grain_id_n1, grain_id_ext, convert_from(payload, 'UTF8'), version
          FROM orleans_grain_state
         WHERE service_id = @service AND state_name = @state AND grain_id_ext = @key
        """;

    [Fact]
    public async Task WrittenStateIsStoredAsPlainJsonWithoutTypeMetadata()
    {
        var grain = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:json");

        var etag = await grain.SetValueAsync("hello");

        var row = Assert.Single(await ReadRowAsync("item:json"));
        Assert.Equal(0L, row[0]);
        Assert.Equal(0L, row[1]);
        Assert.Equal(1, row[4]);
        Assert.Equal("1", etag);
        var json = (string)row[3]!;
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$id", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("hello", document.RootElement.GetProperty("Value").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("Writes").GetInt32());
        Assert.Equal(["hello"], document.RootElement.GetProperty("History").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task StateIsReadBackFromTheDatabaseAfterDeactivation()
    {
        var grain = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:reload");
        await grain.SetValueAsync("first");
        await grain.SetValueAsync("second");

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal("second", await grain.GetValueAsync());
        Assert.Equal(2, Assert.Single(await ReadRowAsync("item:reload"))[4]);
    }

    [Fact]
    public async Task WriteWithAStaleETagFailsWithInconsistentStateException()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(TestStateGrain.StorageName);
        var grainId = GrainId.Create("teststate", "item:stale");
        await storage.WriteStateAsync(TestStateGrain.StateName, grainId, new GrainState<TestState>(new TestState { Value = "v1" }));
        var reader = new GrainState<TestState>();
        var staleReader = new GrainState<TestState>();
        await storage.ReadStateAsync(TestStateGrain.StateName, grainId, reader);
        await storage.ReadStateAsync(TestStateGrain.StateName, grainId, staleReader);

        reader.State!.Value = "v2";
        await storage.WriteStateAsync(TestStateGrain.StateName, grainId, reader);
        staleReader.State!.Value = "lost update";
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(TestStateGrain.StateName, grainId, staleReader));

        Assert.Equal("1", staleReader.ETag);
        Assert.Equal("2", reader.ETag);
        var row = Assert.Single(await ReadRowAsync("item:stale"));
        Assert.Contains("\"v2\"", (string)row[3]!, StringComparison.Ordinal);
        Assert.Equal(2, row[4]);
    }

    [Fact]
    public async Task SecondFirstWriteOfTheSameGrainFailsInsteadOfOverwriting()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(TestStateGrain.StorageName);
        var grainId = GrainId.Create("teststate", "item:double-insert");
        await storage.WriteStateAsync(TestStateGrain.StateName, grainId, new GrainState<TestState>(new TestState { Value = "winner" }));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(TestStateGrain.StateName, grainId, new GrainState<TestState>(new TestState { Value = "loser" })));

        Assert.Contains("\"winner\"", (string)Assert.Single(await ReadRowAsync("item:double-insert"))[3]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrainWriteAfterAnotherWriterChangedTheRowFailsWithInconsistentStateException()
    {
        var grain = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:concurrent");
        await grain.SetValueAsync("mine");
        // Another writer (say a second activation during a split brain) bumps the version behind the grain's back.
        await fixture.Schema.ExecuteAsync(
            "UPDATE orleans_grain_state SET version = version + 1 WHERE service_id = @service AND grain_id_ext = @key",
            ("service", fixture.ServiceId), ("key", "item:concurrent"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetValueAsync("overwrite"));

        Assert.Contains("\"mine\"", (string)Assert.Single(await ReadRowAsync("item:concurrent"))[3]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearKeepsTheRowWithoutPayloadAndTheNextWriteContinuesItsVersion()
    {
        var grain = fixture.Cluster.Client.GetGrain<ITestStateGrain>("item:clear");
        await grain.SetValueAsync("before");

        await grain.ClearAsync();

        var cleared = Assert.Single(await ReadRowAsync("item:clear"));
        Assert.Null(cleared[3]);
        Assert.Equal(2, cleared[4]);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal("", await grain.GetValueAsync());
        Assert.Equal("3", await grain.SetValueAsync("after"));
    }

    private Task<List<object?[]>> ReadRowAsync(string key) =>
        fixture.Schema.QueryAsync(SelectRow, ("service", fixture.ServiceId), ("state", TestStateGrain.StateName), ("key", key));
}
