using System.Net;

namespace AyonShotgrid.Conformance;

/// <summary>
/// Where a list keeps a description: AYON 1.15.18's lists have no <c>description</c> member (a top-level one is accepted
/// and dropped), but their <c>attrib</c> keeps any key as sent and a PATCH merges it, so the playlist sync keeps the
/// ShotGrid Playlist's description in <c>attrib.description</c> (measured on the real server).
/// </summary>
public abstract partial class AyonConformanceTests
{
    [Fact]
    public async Task Entity_lists_keep_a_description_in_attrib_merge_it_on_patch_and_drop_a_top_level_one()
    {
        var p = await NewProjectAsync("eldesc");
        var id = await Ayon.CreateAsync($"api/projects/{p}/lists", J("""
            {"entityType":"version","label":"Dailies","description":"dropped","attrib":{"description":"first cut"},"data":{"shotgridId":"7"}}
            """));

        var list = (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Body!;
        Assert.Equal("first cut", list["attrib"]!["description"]!.GetValue<string>());
        Assert.Null(list["description"]);

        var patched = await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/lists/{id}", J("""{"attrib":{"description":"second cut"},"description":"dropped too"}"""));
        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        list = (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Body!;
        Assert.Equal("second cut", list["attrib"]!["description"]!.GetValue<string>());
        Assert.Null(list["description"]);
        Assert.Equal("7", list["data"]!["shotgridId"]!.GetValue<string>());

        // A merge: another attrib key leaves the description as it is.
        Assert.Equal(HttpStatusCode.NoContent, (await Ayon.SendAsync(HttpMethod.Patch, $"api/projects/{p}/lists/{id}", J("""{"attrib":{"other":"x"}}"""))).Status);
        list = (await Ayon.GetAsync($"api/projects/{p}/lists/{id}")).Body!;
        Assert.Equal("second cut", list["attrib"]!["description"]!.GetValue<string>());
    }
}
