using System.Net;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Info_answers_without_a_key()
    {
        var info = await Ayon.GetAsync("api/info", key: AyonCalls.NoKey);

        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.NotNull(info.Body!["version"]);
        Assert.True(info.Body["uptime"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_is_401_and_the_service_user_is_known_by_its_key()
    {
        var missing = await Ayon.GetAsync("api/users/me", key: AyonCalls.NoKey);
        // A key never sent before: the real server says "Invalid session" for a wrong key repeated within 60 s.
        var wrong = await Ayon.GetAsync("api/users/me", key: "wrong" + Guid.NewGuid().ToString("N"));
        var graphQl = await Ayon.GraphQlAsync("{__typename}", key: AyonCalls.NoKey);
        var me = await Ayon.GetAsync("api/users/me");

        Assert.Equal((HttpStatusCode.Unauthorized, "Access token is missing"), (missing.Status, missing.Detail));
        Assert.Equal((HttpStatusCode.Unauthorized, "Invalid API key"), (wrong.Status, wrong.Detail));
        Assert.Equal((HttpStatusCode.Unauthorized, "Access token is missing"), (graphQl.Status, graphQl.Detail));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.True(me.Body!["data"]!["isService"]!.GetValue<bool>());
        Assert.Null(me.Body["data"]!["isAdmin"]);
        Assert.NotNull(me.Body["createdAt"]);
        Assert.NotNull(me.Body["updatedAt"]);
    }

    [Fact]
    public async Task An_unknown_route_is_404_naming_the_path()
    {
        var answer = await Ayon.GetAsync("api/nothing_here");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("API endpoint /api/nothing_here not found", answer.Detail);
    }
}
