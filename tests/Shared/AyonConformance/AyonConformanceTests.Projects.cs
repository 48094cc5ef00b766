using System.Net;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task A_deployed_project_has_the_default_anatomy_and_is_found_case_insensitively()
    {
        var (name, code) = ConformanceNames.Project("anat");

        var deploy = await Ayon.PostAsync("api/projects", new JsonObject { ["name"] = name, ["code"] = code });
        var project = await Ayon.GetAsync($"api/projects/{name.ToUpperInvariant()}");

        Assert.Equal((HttpStatusCode.Created, null), (deploy.Status, deploy.Body));
        Assert.Equal(HttpStatusCode.OK, project.Status);
        Assert.Equal(name, project.Body!["name"]!.GetValue<string>());
        Assert.Equal(code, project.Body["code"]!.GetValue<string>());
        Assert.Equal(6, project.Body["folderTypes"]!.AsArray().Count);
        Assert.NotEmpty(project.Body["taskTypes"]!.AsArray());
        Assert.NotEmpty(project.Body["statuses"]!.AsArray());
        var attrib = project.Body["attrib"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "fps", "frameStart", "frameEnd", "priority", "resolutionWidth" }, attrib);
    }

    [Fact]
    public async Task Deploying_a_name_again_in_other_case_is_409_naming_the_existing_project()
    {
        var (name, code) = ConformanceNames.Project("dup");
        await Ayon.DeployAsync(name, code);

        var again = await Ayon.PostAsync("api/projects", new JsonObject { ["name"] = name.ToUpperInvariant(), ["code"] = "x" + code });

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal($"Project {name} ({code}) already exists", again.Detail);
    }

    [Fact]
    public async Task An_invalid_project_name_is_refused_and_a_missing_project_is_404()
    {
        var (name, code) = ConformanceNames.Project("bad");

        var invalid = await Ayon.PostAsync("api/projects", new JsonObject { ["name"] = name.Replace('_', '-'), ["code"] = code });
        var missing = await Ayon.GetAsync("api/projects/nope_missing");

        // The real server answers this one with 500 and a traceback, not 400.
        Assert.Equal(HttpStatusCode.InternalServerError, invalid.Status);
        Assert.Equal((HttpStatusCode.NotFound, "Project nope_missing not found"), (missing.Status, missing.Detail));
    }

    [Fact]
    public async Task Patching_anatomy_lists_replaces_them_and_keeps_added_types_as_sent()
    {
        var name = await NewProjectAsync("patch");
        var before = (await Ayon.GetAsync($"api/projects/{name}")).Body!;
        var folderTypes = before["folderTypes"]!.DeepClone().AsArray();
        folderTypes.Add(new JsonObject { ["name"] = "Scene", ["icon"] = "theaters" });

        var patch = await Ayon.PatchAsync($"api/projects/{name}", new JsonObject { ["folderTypes"] = folderTypes });
        var after = (await Ayon.GetAsync($"api/projects/{name}")).Body!;

        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        var scene = after["folderTypes"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Scene")!;
        Assert.Equal("theaters", scene["icon"]!.GetValue<string>());
        Assert.Equal(before["folderTypes"]!.AsArray().Count + 1, after["folderTypes"]!.AsArray().Count);
        Assert.Equal(before["taskTypes"]!.ToJsonString(), after["taskTypes"]!.ToJsonString());
    }

    [Fact]
    public async Task Removing_a_folder_type_still_in_use_is_refused_with_500()
    {
        var name = await NewProjectAsync("inuse");
        await Ayon.CreateAsync($"api/projects/{name}/folders", J("""{"name":"sq01","folderType":"Sequence"}"""));
        var project = (await Ayon.GetAsync($"api/projects/{name}")).Body!;
        var withoutSequence = new JsonArray([.. project["folderTypes"]!.AsArray()
            .Where(t => t!["name"]!.GetValue<string>() != "Sequence").Select(t => t!.DeepClone())]);

        var patch = await Ayon.PatchAsync($"api/projects/{name}", new JsonObject { ["folderTypes"] = withoutSequence });
        var after = (await Ayon.GetAsync($"api/projects/{name}")).Body!;

        Assert.Equal(HttpStatusCode.InternalServerError, patch.Status);
        Assert.Contains(after["folderTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Sequence");
    }

    [Fact]
    public async Task A_deleted_project_is_gone()
    {
        var name = await NewProjectAsync("del");

        var delete = await Ayon.DeleteAsync($"api/projects/{name}");
        var get = await Ayon.GetAsync($"api/projects/{name}");

        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }
}
