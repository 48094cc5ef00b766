namespace AyonShotgrid.Persistence.Tests.Grains;

public sealed class TestStateGrain(
    [PersistentState(TestStateGrain.StateName, PostgresOrleansExtensions.StorageName)] IPersistentState<TestState> state)
    : Grain, ITestStateGrain
{
    /// <summary>Stored in the state_name column of orleans_grain_state.</summary>
    public const string StateName = "test-state";

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
