using AyonShotgrid.Persistence;

namespace AyonShotgrid.Silo.Hosting;

/// <summary>
/// Applies the PostgreSQL schema before Orleans starts (registered ahead of the silo, and hosted services start in
/// order). Safe with several silos starting together: the migrator takes an advisory lock.
/// </summary>
internal sealed class SchemaMigrationOnStart(string connectionString, ILogger<SchemaMigrationOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SchemaMigrator.MigrateAsync(connectionString, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
