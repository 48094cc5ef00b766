using Npgsql;

namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>A fresh schema on the ORLEANS_TEST_PG server, chosen through the connection string's search path; dropped afterwards.</summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    public const string VariableName = "ORLEANS_TEST_PG";

    private readonly string _server;

    private PostgresSchema(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{VariableName} is not set, and the scale-out test needs PostgreSQL (3 silos and a gateway share it). Run it through " +
                "'scripts/with-postgres.sh dotnet test tests/AyonShotgrid.ScaleOut.Tests' (it starts a throwaway server), " +
                $"or set {VariableName} to a database the test may create schemas in.");
        var name = $"scaleout_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresSchema(server, name, new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
