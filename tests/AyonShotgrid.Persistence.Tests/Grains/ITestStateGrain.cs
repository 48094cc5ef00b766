namespace AyonShotgrid.Persistence.Tests.Grains;

[Alias("persistence-tests.ITestStateGrain")]
public interface ITestStateGrain : IGrainWithStringKey
{
    [Alias("GetValueAsync")]
    Task<string> GetValueAsync();

    /// <summary>Sets and writes the state; returns the ETag (row version) after the write.</summary>
    [Alias("SetValueAsync")]
    Task<string?> SetValueAsync(string value);

    [Alias("ClearAsync")]
    Task ClearAsync();
}
