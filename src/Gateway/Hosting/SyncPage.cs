using Microsoft.Extensions.FileProviders;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>
/// Serves the sync page (src/Gateway/wwwroot) at <c>/</c>. The files are embedded in the assembly rather than read from
/// the content root, so the page is there however the gateway is hosted. The page is open; what it calls under /api is not.
/// </summary>
public static class SyncPage
{
    public static WebApplication UseSyncPage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(SyncPage).Assembly, $"{typeof(SyncPage).Assembly.GetName().Name}.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
