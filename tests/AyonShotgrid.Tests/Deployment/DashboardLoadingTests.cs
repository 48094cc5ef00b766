using AyonShotgrid.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>
/// The Orleans dashboard is composed into the silo only when someone can open it (issue 20: its assembly and the bundle
/// it holds were about 30 MB of a silo's memory, and a locked dashboard refuses every request anyway).
/// </summary>
public sealed class DashboardLoadingTests
{
    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("admin", null, false, false)]
    [InlineData("admin", "secret", false, true)]
    [InlineData(null, null, true, true)]
    public void TheDashboardIsComposedOnlyWhenItCanBeOpened(string? username, string? password, bool allowAnonymous, bool composed)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Username"] = username,
            ["Dashboard:Password"] = password,
            ["Dashboard:AllowAnonymous"] = allowAnonymous ? "true" : "false",
        });

        builder.AddSyncSilo();

        // A service the dashboard offers (its options, host, exporter); Orleans registers every referenced assembly's
        // serializer metadata either way, so implementations are not what tells.
        Assert.Equal(composed, builder.Services.Any(d => OfDashboard(d.ServiceType)));
    }

    private static bool OfDashboard(Type type) =>
        type.Assembly.GetName().Name == "Orleans.Dashboard" || type.GenericTypeArguments.Any(OfDashboard);
}
