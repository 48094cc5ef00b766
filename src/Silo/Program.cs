using AyonShotgrid.Silo;
using AyonShotgrid.Silo.Configuration;
using AyonShotgrid.Silo.Hosting;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    var ayonSettings = await builder.Configuration.AddAyonAddonSettingsAsync();
    builder.AddSyncSilo();
    builder.Services.AddAyonAddonSettingsRefresh(ayonSettings);
    var app = builder.Build();
    StartupSettingsCheck.Validate(app.Services, builder.Configuration);
    app.MapSyncSilo();
    await app.RunAsync();
    return 0;
}
catch (UnusableSettingException e)
{
    // One line an operator can act on; a stack trace would only hide it.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
