using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.ShotGrid.Tests;

public sealed class PasswordGrantTests
{
    [Fact]
    public async Task TheSeededAdminLogsInWithAPasswordAndItsWritesAreLoggedAsThatHumanUser()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);
        using var login = await site.Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "admin", ["password"] = "emulator-admin-password",
        }));
        login.EnsureSuccessStatusCode();
        site.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TestSite.ReadJson(login))["access_token"]!.GetValue<string>());
        var project = site.Store.CreateProject("Password Grant");

        var (status, _, _) = await site.SendAsync(HttpMethod.Post, "api/v1/entity/shots", new JsonObject { ["code"] = "sh010", ["project"] = TestSite.Link("Project", project) });

        Assert.Equal(201, status);
        var newRow = site.Store.Events.Last(e => e.EventType == "Shotgun_Shot_New");
        Assert.Equal(site.Store.DefaultActor, newRow.User);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithCode102()
    {
        await using var site = await TestSite.StartAsync(authenticate: false);

        using var login = await site.Http.PostAsync("api/v1/auth/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "admin", ["password"] = "wrong",
        }));

        Assert.Equal(400, (int)login.StatusCode);
        Assert.Equal(102, TestSite.FirstError(await TestSite.ReadJson(login))["code"]!.GetValue<int>());
    }
}
