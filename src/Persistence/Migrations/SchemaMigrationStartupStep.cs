using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Persistence;

/// <summary>Migrates the schema at the very first silo lifecycle stage, so membership, storage and reminders find their tables.</summary>
internal sealed class SchemaMigrationStartupStep(string connectionString, ILogger<SchemaMigrationStartupStep> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(SchemaMigrationStartupStep),
            ServiceLifecycleStage.First,
            ct => SchemaMigrator.MigrateAsync(connectionString, logger, ct));
}
