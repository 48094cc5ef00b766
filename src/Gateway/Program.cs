using AyonShotgrid.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSyncGateway();
var app = builder.Build();
app.MapSyncGateway();
await app.RunAsync();

/// <summary>Entry point type, public so test hosts can find the assembly.</summary>
public partial class Program;
