using AyonShotgrid.Persistence;

namespace AyonShotgrid.Silo;

/// <summary><c>AyonShotgrid.Silo migrate</c>: applies the PostgreSQL schema (idempotent, versioned) and exits.</summary>
public static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
        var connectionString = configuration.GetConnectionString("Orleans");
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("migrate");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogError("ConnectionStrings:Orleans is required (set ConnectionStrings__Orleans).");
            return 2;
        }

        await SchemaMigrator.MigrateAsync(connectionString, logger, CancellationToken.None);
        return 0;
    }
}
