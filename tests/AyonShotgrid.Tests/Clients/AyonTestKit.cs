using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Tests.Clients;

internal static class AyonTestKit
{
    public const string ApiKey = "ayon-service-key-4e8d2b";

    /// <param name="probeTimeout">Real-time limit of each restart probe; short so stalled probes cost milliseconds.</param>
    public static AyonClient Client(LoopbackServer server, TimeProvider time, int maxAttempts = 3, TimeSpan? timeout = null, TimeSpan? probeTimeout = null) => new(
        Options.Create(new AyonOptions
        {
            Url = server.Url,
            ApiKey = ApiKey,
            SenderType = "shotgrid",
            MaxAttempts = maxAttempts,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        }),
        NullLogger<AyonClient>.Instance,
        time)
    {
        RestartProbeTimeout = probeTimeout ?? TimeSpan.FromSeconds(2),
    };
}
