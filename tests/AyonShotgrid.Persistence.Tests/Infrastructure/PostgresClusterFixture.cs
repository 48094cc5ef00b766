using AyonShotgrid.Persistence.Tests.Grains;
using System.Reflection;
using Orleans.TestingHost;

namespace AyonShotgrid.Persistence.Tests.Infrastructure;

/// <summary>
/// Two in-process silos and a client over PostgreSQL: membership, grain storage and reminders all go through our
/// schema and query set. Both silos migrate the schema on start-up, so they also race for the migration lock.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private TestSchema? _schema;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    internal TestSchema Schema => _schema ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ClusterId { get; } = $"cluster-{Guid.NewGuid():N}";

    public string ServiceId { get; } = $"service-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        _schema = await TestDatabase.CreateSchemaAsync();
        var connectionString = _schema.ConnectionString;

        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        // The TestingHost pushes these into ClusterOptions of every silo and of the client.
        builder.Options.ClusterId = ClusterId;
        builder.Options.ServiceId = ServiceId;
        UseRealMembership(builder.Options);
        builder.ConfigureSilo((_, silo) => silo
            .MigratePostgresSchemaOnStartup(connectionString)
            .UsePostgresPersistence(connectionString, TestStateGrain.StorageName));
        builder.ConfigureClient(client => client.UsePostgresClustering(connectionString));

        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    // InProcessTestCluster replaces the membership table with an in-memory one unless this switch is off, and the
    // switch is internal (TestClusterOptions has it public). We want the ADO.NET membership table under test.
    private static void UseRealMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty(
            "UseTestClusterMembership", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException(
                "InProcessTestClusterOptions.UseTestClusterMembership no longer exists; find the new way to turn off the test membership table.");
        property.SetValue(options, false);
    }
}
