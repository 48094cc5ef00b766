using Npgsql;

namespace AyonShotgrid.Persistence.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against, named by ORLEANS_TEST_PG. Every test (or fixture) works in a schema of
/// its own, selected through the connection string's search path, so runs never see each other's tables.
/// </summary>
internal static class TestDatabase
{
    public const string VariableName = "ORLEANS_TEST_PG";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{VariableName} is not set, and these tests need PostgreSQL. Run them through " +
                "'scripts/with-postgres.sh dotnet test tests/AyonShotgrid.Persistence.Tests' (it starts a throwaway server), " +
                $"or set {VariableName} to the connection string of a database the tests may create schemas in.");

    public static async Task<TestSchema> CreateSchemaAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = name };
        return new TestSchema(name, builder.ConnectionString);
    }
}
