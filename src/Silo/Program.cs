using AyonShotgrid.Silo;
using AyonShotgrid.Silo.Configuration;
using AyonShotgrid.Silo.Hosting;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
var ayonSettings = await builder.Configuration.AddAyonAddonSettingsAsync();
builder.AddSyncSilo();
builder.Services.AddAyonAddonSettingsRefresh(ayonSettings);
var app = builder.Build();
app.MapSyncSilo();
await app.RunAsync();
return 0;
