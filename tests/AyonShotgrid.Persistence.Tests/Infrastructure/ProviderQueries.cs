namespace AyonShotgrid.Persistence.Tests.Infrastructure;

/// <summary>Runs a query text from orleansquery the way a provider does: looked up by key, with the provider's parameter names.</summary>
internal static class ProviderQueries
{
    public static async Task<List<object?[]>> RunAsync(TestSchema schema, string key, params (string Name, object? Value)[] parameters)
    {
        var text = (string)(await schema.QueryAsync("SELECT querytext FROM orleansquery WHERE querykey = @key", ("key", key))).Single()[0]!;
        return await schema.QueryAsync(text, parameters);
    }
}
