using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Attributes_are_listed_with_their_shape()
    {
        var answer = await Ayon.GetAsync("api/attributes");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var attributes = answer.Body!["attributes"]!.AsArray();
        Assert.Equal(["builtin", "data", "name", "position", "scope"], attributes[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var fps = attributes.Single(a => a!["name"]!.GetValue<string>() == "fps")!;
        Assert.Equal("float", fps["data"]!["type"]!.GetValue<string>());
        Assert.Contains(attributes, a => a!["name"]!.GetValue<string>() == "priority");
    }

    [Fact]
    public async Task A_new_attribute_is_dropped_on_writes_until_the_restart_and_stored_after_it()
    {
        await RestartIfRequiredAsync();
        var name = await NewProjectAsync("attr");
        var attribute = ConformanceNames.Attribute("r");

        var sincePut = Stopwatch.StartNew();
        var put = await Ayon.PutAsync($"api/attributes/{attribute}",
            J("""{"position":200,"scope":["folder","task"],"data":{"type":"string","title":"Conf","inherit":false}}"""));
        var atOnce = await Ayon.GetAsync("api/system/restartRequired");
        var early = await Ayon.CreateAsync($"api/projects/{name}/folders",
            J($$$"""{"name":"early","attrib":{"{{{attribute}}}":"x","frameStart":1100,"bogus":1}}"""));
        var earlyFolder = (await Ayon.GetAsync($"api/projects/{name}/folders/{early}")).Body!;
        var earlyQuery = await Ayon.GraphQlAsync(
            $"query($p:String!){{project(name:$p){{folders{{edges{{node{{attrib{{{attribute}}}}}}}}}}}}}", new JsonObject { ["p"] = name });
        var required = await WaitForRestartRequiredAsync();
        var waited = sincePut.Elapsed;

        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        // The real server ignores restart requests younger than 2 s: asked at once, no restart is needed.
        Assert.False(atOnce.Body!["required"]!.GetValue<bool>());
        Assert.True(atOnce.Body.AsObject().ContainsKey("reason"));
        Assert.Equal(["frameStart"], Strings(earlyFolder["ownAttrib"]));
        Assert.Null(earlyFolder["attrib"]![attribute]);
        Assert.Equal(1100, earlyFolder["attrib"]!["frameStart"]!.GetValue<int>());
        Assert.NotEmpty(earlyQuery.Body!["errors"]!.AsArray());
        Assert.True(required!["required"]!.GetValue<bool>(), $"{Target.Name}: restart never required");
        Assert.NotNull(required["reason"]);
        Assert.True(waited >= TimeSpan.FromSeconds(1.5), $"required after {waited}");

        var uptimeBefore = await RestartWait.UptimeAsync(Ayon.BaseUrl) ?? double.MaxValue;
        var restart = await Ayon.PostAsync("api/system/restart", null);
        var restarted = await RestartWait.UntilRestartedAsync(Ayon.BaseUrl, uptimeBefore, RestartDeadline);
        var late = await Ayon.CreateAsync($"api/projects/{name}/folders", J($$$"""{"name":"late","attrib":{"{{{attribute}}}":"y"}}"""));
        var lateFolder = (await Ayon.GetAsync($"api/projects/{name}/folders/{late}")).Body!;
        var typed = await Ayon.GraphQlAsync(
            $"query($p:String!){{project(name:$p){{folders(names:[\"late\"]){{edges{{node{{attrib{{frameStart fps {attribute}}}}}}}}}}}}}",
            new JsonObject { ["p"] = name });
        var afterRestart = await Ayon.GetAsync("api/system/restartRequired");

        Assert.Equal(HttpStatusCode.NoContent, restart.Status);
        Assert.True(restarted, $"{Target.Name}: no new worker within {RestartDeadline}");
        Assert.Equal([attribute], Strings(lateFolder["ownAttrib"]));
        Assert.Null(typed.Body!["errors"]);
        var attrib = typed.Body["data"]!["project"]!["folders"]!["edges"]![0]!["node"]!["attrib"]!;
        Assert.Equal("y", attrib[attribute]!.GetValue<string>());
        Assert.Equal(1001, attrib["frameStart"]!.GetValue<int>());
        // Floats keep their ".0": a client reading fps as an integer fails on both.
        Assert.Equal("25.0", attrib["fps"]!.ToJsonString());
        Assert.False(afterRestart.Body!["required"]!.GetValue<bool>());
    }

    private async Task<JsonNode?> WaitForRestartRequiredAsync()
    {
        var clock = Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        JsonNode? answer = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            answer = (await Ayon.GetAsync("api/system/restartRequired")).Body;
            if (answer?["required"]?.GetValue<bool>() == true)
            {
                break;
            }

            await ticker.WaitForNextTickAsync();
        }

        return answer;
    }

    /// <summary>An attribute written earlier on a long-lived server would make "required" true from the start.</summary>
    private async Task RestartIfRequiredAsync()
    {
        var answer = await Ayon.GetAsync("api/system/restartRequired");
        if (answer.Body?["required"]?.GetValue<bool>() == true)
        {
            var uptime = await RestartWait.UptimeAsync(Ayon.BaseUrl) ?? double.MaxValue;
            await Ayon.PostAsync("api/system/restart", null);
            Assert.True(await RestartWait.UntilRestartedAsync(Ayon.BaseUrl, uptime, RestartDeadline));
        }
    }
}
