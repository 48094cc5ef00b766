using AyonShotgrid.Silo;
using AyonShotgrid.Silo.Configuration;
using AyonShotgrid.Silo.Hosting;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
await builder.Configuration.AddAyonAddonSettingsAsync();
builder.AddSyncSilo();
var app = builder.Build();
app.MapSyncSilo();
await app.RunAsync();
return 0;
