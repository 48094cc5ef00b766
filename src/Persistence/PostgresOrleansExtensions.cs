using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;

namespace AyonShotgrid.Persistence;

/// <summary>
/// Wires Orleans' ADO.NET providers to PostgreSQL. The schema must exist first: run <see cref="SchemaMigrator"/>
/// (the silo's "migrate" command) or add <see cref="MigratePostgresSchemaOnStartup"/>.
/// </summary>
public static class PostgresOrleansExtensions
{
    /// <summary>ADO.NET invariant of Npgsql. The providers' own default is SQL Server, so it is set on every provider.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Membership, grain storage named <paramref name="storageName"/> (plain System.Text.Json) and reminders in
    /// PostgreSQL. The grains own the storage name (their [PersistentState] attributes), so the caller passes it in.
    /// </summary>
    public static ISiloBuilder UsePostgresPersistence(this ISiloBuilder silo, string connectionString, string storageName)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageName);

        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        silo.AddAdoNetGrainStorage(storageName, optionsBuilder => optionsBuilder.Configure<IServiceProvider>((options, services) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
            // Plain JSON without $type (see docs/persistence.md). Set on this provider only, so other
            // storage providers keep their own serializer.
            options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services);
        }));

        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        return silo;
    }

    /// <summary>Lets a client find the cluster's gateways in the PostgreSQL membership table.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        client.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        return client;
    }

    /// <summary>
    /// Runs <see cref="SchemaMigrator.MigrateAsync(string, ILogger?, CancellationToken)"/> as the silo's first start-up step,
    /// before any provider reads the database. Silos starting together are serialised by the migrator's advisory lock.
    /// </summary>
    public static ISiloBuilder MigratePostgresSchemaOnStartup(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new SchemaMigrationStartupStep(connectionString, services.GetRequiredService<ILogger<SchemaMigrationStartupStep>>()));
        return silo;
    }
}
