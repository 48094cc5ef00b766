namespace AyonShotgrid.Persistence.Tests.Grains;

public sealed class TestStateGrain(
    [PersistentState(TestStateGrain.StateName, TestStateGrain.StorageName)] IPersistentState<TestState> state)
    : Grain, ITestStateGrain
{
    /// <summary>Stored in the state_name column of orleans_grain_state.</summary>
    public const string StateName = "test-state";

    /// <summary>The storage provider name this test cluster registers (production uses the grains' own, "sync").</summary>
    public const string StorageName = "sync";

    Task<string> ITestStateGrain.GetValueAsync() => Task.FromResult(state.State.Value);

    async Task<string?> ITestStateGrain.SetValueAsync(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        state.State.History.Add(value);
        await state.WriteStateAsync();
        return state.Etag;
    }

    Task ITestStateGrain.ClearAsync() => state.ClearStateAsync();
}
