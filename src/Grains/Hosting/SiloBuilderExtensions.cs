namespace AyonShotgrid.Grains.Hosting;

/// <summary>Adds the sync grains' services and start-up work to a silo (production host and test clusters alike).</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddSyncGrains(this ISiloBuilder silo)
    {
        silo.Services.AddSyncServices();
        silo.AddStartupTask<LeecherStartupTask>();
        silo.AddStartupTask<Push.PushStartupTask>();
        return silo;
    }
}
