using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient
{
    /// <summary>Wait between probes of a restarting server.</summary>
    internal TimeSpan RestartPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A restarting AYON accepts connections but does not answer for ~5 s: each probe gives up quickly.</summary>
    internal TimeSpan RestartProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an answering server that shows no sign of having restarted is still taken for the old process.</summary>
    internal TimeSpan RestartSignGrace { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<AyonAttribute>> GetAttributesAsync(CancellationToken cancellationToken)
    {
        var answer = (await SendAsync(HttpMethod.Get, "/api/attributes", null, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
        return answer.Json()?["attributes"] is JsonArray list ? list.OfType<JsonObject>().Select(ReadAttribute).ToList() : [];
    }

    public async Task PutAttributeAsync(AyonAttribute attribute, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["type"] = attribute.Type, ["title"] = attribute.Title, ["inherit"] = attribute.Inherit };
        if (attribute.Description is not null)
        {
            data["description"] = attribute.Description;
        }

        var body = new JsonObject
        {
            ["position"] = attribute.Position,
            ["scope"] = new JsonArray(attribute.Scope.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["data"] = data,
        };
        (await SendAsync(HttpMethod.Put, $"/api/attributes/{Segment(attribute.Name)}", body, retry: true, cancellationToken))
            .EnsureSuccess(_options.ApiKey);
    }

    public async Task RestartServerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        // The server is healthy before the restart: read its uptime like any other call (retried through a 429 or 503,
        // which would otherwise leave no uptime to compare with).
        var before = await ReadUptimeAsync(cancellationToken);

        // Retried like every other call: a restart is safe to repeat, and a second one while the first is under way
        // only makes the wait below a little longer.
        (await SendAsync(HttpMethod.Post, "/api/system/restart", null, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);

        // The old process may still answer for a moment after the 204. The restart has happened once the server went
        // silent, or reports a smaller uptime than before; a server that gives neither sign is believed after a grace period.
        var sawOutage = false;
        DateTimeOffset? answeringSince = null;
        while (true)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                throw new AyonException($"AYON did not answer within {timeout.TotalSeconds:0.#} s of a restart.");
            }

            await Task.Delay(RestartPollInterval, _time, cancellationToken);
            var remaining = deadline - _time.GetUtcNow();
            var probe = await ProbeAsync(remaining < RestartProbeTimeout && remaining > TimeSpan.Zero ? remaining : RestartProbeTimeout, cancellationToken);
            if (!probe.Answered)
            {
                sawOutage |= probe.Restarting;
                continue;
            }

            if (sawOutage || probe.Uptime is null || before.Uptime is null || probe.Uptime < before.Uptime)
            {
                return;
            }

            answeringSince ??= _time.GetUtcNow();
            if (_time.GetUtcNow() - answeringSince >= RestartSignGrace)
            {
                return;
            }
        }
    }

    private async Task<InfoProbe> ReadUptimeAsync(CancellationToken cancellationToken)
    {
        var answer = (await SendAsync(HttpMethod.Get, "/api/info", null, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
        return new InfoProbe(true, Uptime(answer.Json()));
    }

    private static double? Uptime(JsonNode? info) =>
        info?["uptime"] is JsonValue v && v.TryGetValue<double>(out var seconds) ? seconds : null;

    private async Task<InfoProbe> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await SendAsync(HttpMethod.Get, "/api/info", null, retry: false, cancellationToken, timeout: timeout, probe: true);
            if (answer.Status == 429)
            {
                // Too busy is an answer from a running process, not a sign of the restart: ask again.
                return new InfoProbe(false, null, Restarting: false);
            }

            return answer.IsSuccess ? new InfoProbe(true, Uptime(answer.Json())) : new InfoProbe(false, null);
        }
        catch (AyonException)
        {
            // Timed out or refused: still restarting.
            return new InfoProbe(false, null);
        }
    }

    private static AyonAttribute ReadAttribute(JsonObject a)
    {
        var data = a["data"] as JsonObject ?? [];
        var name = Text(a["name"]) ?? "";
        return new AyonAttribute(
            name,
            a["scope"] is JsonArray scope ? scope.Select(Text).OfType<string>().ToList() : [],
            Text(data["type"]) ?? "string",
            Text(data["title"]) ?? name,
            data["inherit"] is JsonValue inherit && inherit.TryGetValue<bool>(out var i) ? i : true,
            a["position"] is JsonValue position && position.TryGetValue<int>(out var p) ? p : 100,
            Text(data["description"]));
    }

    private sealed record InfoProbe(bool Answered, double? Uptime, bool Restarting = true);
}
