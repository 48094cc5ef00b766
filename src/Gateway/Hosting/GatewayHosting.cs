using System.Text.Json.Serialization;
using AyonShotgrid.Gateway.Api;
using AyonShotgrid.Persistence;
using Orleans.Configuration;

namespace AyonShotgrid.Gateway.Hosting;

/// <summary>Composition of the gateway: Orleans client, API key, OpenAPI, JSON, error answers.</summary>
public static class GatewayHosting
{
    /// <param name="useOrleansClient">False when the host supplies its own <see cref="IGrainFactory"/> (tests, a co-hosted silo).</param>
    public static WebApplicationBuilder AddSyncGateway(this WebApplicationBuilder builder, bool useOrleansClient = true)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(SiteName.From(builder.Configuration));
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi();
        // A body that cannot be read (not JSON, a field of the wrong type) is a 400 that says what was wrong, not a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.Exception is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        if (useOrleansClient)
        {
            var clusterId = builder.Configuration["Orleans:ClusterId"] ?? "ayon-shotgrid";
            var serviceId = builder.Configuration["Orleans:ServiceId"] ?? clusterId;
            var connectionString = builder.Configuration.GetConnectionString("Orleans");
            var gatewayPort = builder.Configuration.GetValue("Orleans:GatewayPort", 30000);
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
                // Prepare waits out an AYON restart (up to Ayon:RestartTimeout, 90 s); Orleans' default 30 s made the
                // gateway answer 503 while the prepare went on (seen on the real server under load).
                client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3));
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    client.UseLocalhostClustering(gatewayPort);
                }
                else
                {
                    client.UsePostgresClustering(connectionString);
                }

                // Start even when no silo is up yet, and keep trying: silos and gateway start in any order.
                client.UseConnectionRetryFilter(async (_, ct) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    return true;
                });
            });
        }

        return builder;
    }

    public static WebApplication MapSyncGateway(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ClusterErrors.StatusFor });
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSyncPage();
        app.UseApiKeyAuthentication();
        app.MapSyncApi();
        return app;
    }
}
