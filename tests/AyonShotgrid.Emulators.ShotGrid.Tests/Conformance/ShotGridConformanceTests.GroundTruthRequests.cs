using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests.Conformance;

// sg-groundtruth findings about filters, written values, parameters and headers (corpus/findings/001, 004, 017, 028,
// field_types/number, duration, entity, date_time, endpoints/post_entity_type_id, post_auth_access_token): one case each.
// The update answer's links and the schema field records are checked by the replayed "update" and "schema_fields" pairs;
// _batch and the Version / PublishedFile / PublishedFileType types by BatchTests.
public sealed partial class ShotGridConformanceTests
{
    private static async Task<(TestSite Site, long Project, long Shot)> SiteWithShotAsync()
    {
        var site = await TestSite.StartAsync();
        var project = site.Store.CreateProject("GT");
        var shot = site.Store.Create("Shot", new() { ["project"] = new EntityLink("Project", project), ["code"] = "sh010", ["sg_cut_in"] = 1001L });
        return (site, project, shot);
    }

    [Theory]
    [InlineData("shots", "sg_cut_in", "number")]
    [InlineData("tasks", "duration", "duration")]
    public async Task NotBetweenOnANumberOrDurationIsRefusedNamingTheValidRelations(string slug, string field, string dataType)
    {
        var (site, _, _) = await SiteWithShotAsync();
        await using var _ = site;

        var (status, body, _) = await site.SearchAsync(slug, new JsonObject
        {
            ["filters"] = new JsonArray(TestSite.Cond(field, "not_between", new JsonArray(0, 2000))),
        }, TestSite.ArrayType);

        Assert.Equal(400, status);
        Assert.EndsWith($"'{dataType}' data type doesn't support 'not_between' 'relation'", TestSite.FirstError(body)["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[\"is\", \"is_not\", \"greater_than\", \"less_than\", \"between\", \"in\", \"not_in\"]",
            TestSite.FirstError(body)["source"]!.AsObject().Single().Value!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFloatInANumberFilterIsRefusedAndInADurationFilterCoerced()
    {
        var (site, project, shot) = await SiteWithShotAsync();
        await using var _ = site;
        site.Store.Create("Task", new() { ["project"] = new EntityLink("Project", project), ["content"] = "comp", ["duration"] = 480L });

        var (status, body, _) = await site.SearchAsync("shots", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("sg_cut_in", "is", 1001.5)) }, TestSite.ArrayType);
        var durations = await site.SearchIdsAsync("tasks", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("duration", "is", 480.0)) }, TestSite.ArrayType);

        Assert.Equal(400, status);
        Assert.Equal($"API read() Shot.sg_cut_in expected [String, Integer, NilClass] data type(s) but got Float: 1001.5", TestSite.FirstError(body)["title"]!.GetValue<string>());
        Assert.Single(durations);
        Assert.True(shot > 0);
    }

    [Fact]
    public async Task BareIdsInAnEntityInAreRefusedAndOneHashIsAOneElementList()
    {
        var (site, project, shot) = await SiteWithShotAsync();
        await using var _ = site;
        var task = site.Store.Create("Task", new() { ["project"] = new EntityLink("Project", project), ["content"] = "comp", ["entity"] = new EntityLink("Shot", shot) });

        var (bareStatus, bare, _) = await site.SearchAsync("tasks", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("entity", "in", new JsonArray(shot))) }, TestSite.ArrayType);
        var oneHash = await site.SearchIdsAsync("tasks", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("entity", "in", TestSite.Link("Shot", shot))) }, TestSite.ArrayType);
        var notOneHash = await site.SearchIdsAsync("tasks", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("entity", "not_in", TestSite.Link("Shot", shot))) }, TestSite.ArrayType);

        Assert.Equal(400, bareStatus);
        Assert.StartsWith("API read() Task.entity expected [Hash", TestSite.FirstError(bare)["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([task], oneHash);
        Assert.Empty(notOneHash);
    }

    [Fact]
    public async Task InCalendarDayMatchesTodayInUtc()
    {
        var (site, _, shot) = await SiteWithShotAsync();
        await using var _ = site;

        async Task<List<long>> Day(int offset) =>
            await site.SearchIdsAsync("shots", new JsonObject { ["filters"] = new JsonArray(TestSite.Cond("created_at", "in_calendar_day", offset)) }, TestSite.ArrayType);

        Assert.Equal([shot], await Day(0));
        Assert.Empty(await Day(-1));
        Assert.Empty(await Day(1));
    }

    [Fact]
    public async Task NumericStringsAreStoredAsNumbersAndDurationsTruncateFloats()
    {
        var (site, project, shot) = await SiteWithShotAsync();
        await using var _ = site;
        var task = site.Store.Create("Task", new() { ["project"] = new EntityLink("Project", project), ["content"] = "comp" });

        var (numberStatus, _, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shot}", new JsonObject { ["sg_cut_in"] = "42" });
        var cutIn = site.Store.Get("Shot", shot)!["sg_cut_in"];
        var (junkStatus, junk, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shot}", new JsonObject { ["sg_cut_in"] = "42abc" });
        var (floatStatus, _, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/shots/{shot}", new JsonObject { ["sg_cut_in"] = 3.7 });
        var (stringDurationStatus, _, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/tasks/{task}", new JsonObject { ["duration"] = "90" });
        var fromString = site.Store.Get("Task", task)!["duration"];
        var (floatDurationStatus, _, _) = await site.SendAsync(HttpMethod.Put, $"api/v1/entity/tasks/{task}", new JsonObject { ["duration"] = 91.6 });

        Assert.Equal((200, 42L), (numberStatus, cutIn));
        Assert.Equal(400, junkStatus);
        Assert.Equal("Invalid data for 'number' data type", TestSite.FirstError(junk)["title"]!.GetValue<string>());
        Assert.Equal(400, floatStatus);
        Assert.Equal((200, 90L), (stringDurationStatus, fromString));
        Assert.Equal((200, 91L), (floatDurationStatus, site.Store.Get("Task", task)!["duration"]));
    }

    [Fact]
    public async Task ReviveTakesOneTrueOrYesAndALiveRowAnswersDidReviveFalse()
    {
        var (site, _, shot) = await SiteWithShotAsync();
        await using var _ = site;

        var (liveStatus, live, _) = await site.SendAsync(HttpMethod.Post, $"api/v1/entity/shots/{shot}?revive=1");
        var (falseStatus, refused, _) = await site.SendAsync(HttpMethod.Post, $"api/v1/entity/shots/{shot}?revive=false");
        site.Store.Retire("Shot", shot);
        var (yesStatus, revived, _) = await site.SendAsync(HttpMethod.Post, $"api/v1/entity/shots/{shot}?revive=yes");

        Assert.Equal((200, false), (liveStatus, live["meta"]!["did_revive"]!.GetValue<bool>()));
        Assert.Equal(400, falseStatus);
        Assert.Equal("{\"revive\":[\"revive must be true\"]}", TestSite.FirstError(refused)["source"]!.ToJsonString());
        Assert.Equal((200, true), (yesStatus, revived["meta"]!["did_revive"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData(TestSite.ArrayType)]
    [InlineData(TestSite.HashType)]
    public async Task AVendorTypeAsTheAcceptOfAnEntityGetIs406WithAnEmptyBody(string accept)
    {
        var (site, _, shot) = await SiteWithShotAsync();
        await using var _ = site;

        foreach (var path in new[] { "api/v1/entity/shots", $"api/v1/entity/shots/{shot}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await site.Http.SendAsync(request);

            Assert.Equal(406, (int)response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task ATokenFormWithoutContentTypeIsAcceptedAndAMissingSecretNamed()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        var form = $"grant_type=client_credentials&client_id={Uri.EscapeDataString(site.Emulator.ScriptName)}&client_secret={Uri.EscapeDataString(site.Emulator.ScriptKey)}";

        using var bare = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/access_token") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form)) };
        using var accepted = await site.Http.SendAsync(bare);
        var (status, body, _) = await site.SendAsync(HttpMethod.Post, "api/v1/auth/access_token",
            null, "application/x-www-form-urlencoded");
        using var noSecret = await site.Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = site.Emulator.ScriptName,
        }));

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Equal("Bearer", JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["token_type"]!.GetValue<string>());
        Assert.Equal(400, (int)noSecret.StatusCode);
        Assert.Equal("Missing or invalid authentication arguments", TestSite.FirstError(JsonNode.Parse(await noSecret.Content.ReadAsStringAsync())!)["title"]!.GetValue<string>());
        Assert.Equal(400, status);
        Assert.Equal("Missing or invalid authentication arguments", TestSite.FirstError(body)["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("published_files", true)]
    [InlineData("PublishedFiles", true)]
    [InlineData("publishedFile", true)]
    [InlineData("Published_File", true)]
    [InlineData("publishedfiles", false)]
    [InlineData("version", true)]
    [InlineData("published_file_types", true)]
    public async Task TypeNamesInPathsAreMatchedOnWordBoundaries(string slug, bool exists)
    {
        await using var site = await TestSite.StartAsync();

        var (status, _, _) = await site.GetAsync($"api/v1/entity/{slug}");

        Assert.Equal(exists ? 200 : 404, status);
    }
}
