using System.Globalization;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Ayon;

public sealed partial class AyonClient
{
    /// <summary>How many user reads run at once: enough to hide latency, few enough not to crowd the server.</summary>
    private const int UserReadsInFlight = 4;

    public async Task<IReadOnlyList<AyonUser>> GetUsersAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? after = null;
        while (true)
        {
            var body = new JsonObject { ["query"] = AyonGraphQlQueries.Users, ["variables"] = new JsonObject { ["after"] = after } };
            var answer = (await SendAsync(HttpMethod.Post, "/graphql", body, retry: true, cancellationToken)).EnsureSuccess(_options.ApiKey);
            var result = answer.Json() as JsonObject ?? throw new AyonException("AYON POST /graphql answered without a JSON object.");
            ThrowOnErrors(result);
            var page = result["data"]?["users"] as JsonObject ?? throw new AyonException("AYON GraphQL answered without users.");
            foreach (var node in (page["edges"] as JsonArray ?? []).Select(e => e?["node"]).OfType<JsonObject>())
            {
                if (Bool(node["active"]) && !Bool(node["isService"]) && Text(node["name"]) is { } name)
                {
                    names.Add(name);
                }
            }

            var next = Text(page["pageInfo"]?["endCursor"]);
            if (!Bool(page["pageInfo"]?["hasNextPage"]) || next is null || next == after)
            {
                break;
            }

            after = next;
        }

        using var gate = new SemaphoreSlim(UserReadsInFlight);
        var users = await Task.WhenAll(names.Select(async name =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ReadUserAsync(name, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return users.OfType<AyonUser>().ToList();
    }

    /// <summary>One user's ShotGrid link, or null when the user went away between the listing and this read.</summary>
    private async Task<AyonUser?> ReadUserAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/users/{Segment(name)}", null, retry: true, cancellationToken);
        if (answer.Status == 404)
        {
            return null;
        }

        var user = answer.EnsureSuccess(_options.ApiKey).Json() as JsonObject;
        return new AyonUser(name, SgUserId(user?["data"]?["sg_user_id"]));
    }

    /// <summary>ayon-shotgrid stores the id as a number; a string holding digits is accepted too.</summary>
    private static long? SgUserId(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
