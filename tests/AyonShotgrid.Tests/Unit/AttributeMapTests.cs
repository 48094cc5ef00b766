using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Tests.Unit;

/// <summary>The attribute map: its shape checked at start-up, its fit to the two schemas checked when a sync starts.</summary>
public sealed class AttributeMapTests
{
    private static readonly IReadOnlyList<AyonAttribute> Attributes =
    [
        new("frameStart", ["project", "folder", "task"], "integer", "Start frame", true),
        new("description", ["project", "folder", "task"], "string", "Description", false),
        new("fullName", ["user"], "string", "Full name", false),
        new("startDate", ["folder", "task"], "datetime", "Start date", true),
    ];

    [Fact]
    public void AWrongShapeFailsStartUpNamingTheSetting()
    {
        var options = new SyncOptions
        {
            AttributeMap = new()
            {
                ["Shott"] = new() { ["sg_cut_in"] = "frameStart" },
                ["Shot"] = new() { ["Sg Cut"] = "frameStart", ["sg_x"] = "shotgridId", ["sg_cut_in"] = "frame-start" },
                ["Asset"] = new() { ["sg_other_description"] = "description" },
            },
        };

        var result = new SyncOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Sync:AttributeMap:Shott:", StringComparison.Ordinal) && f.Contains("not a synced ShotGrid entity type"));
        Assert.Contains(failures, f => f.StartsWith("Sync:AttributeMap:Shot:Sg Cut:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sync:AttributeMap:Shot:sg_x:", StringComparison.Ordinal) && f.Contains("link attribute"));
        Assert.Contains(failures, f => f.StartsWith("Sync:AttributeMap:Shot:sg_cut_in:", StringComparison.Ordinal) && f.Contains("not an AYON attribute name"));
        // Asset's default maps description already: two fields for one attribute.
        Assert.Contains(failures, f => f.StartsWith("Sync:AttributeMap:Asset:", StringComparison.Ordinal) && f.Contains("several ShotGrid fields"));
        Assert.True(new SyncOptionsValidator().Validate(null, new SyncOptions()).Succeeded);
    }

    [Fact]
    public void AnEmptyValueDropsADefaultAndConfiguredEntriesWin()
    {
        var options = new SyncOptions { AttributeMap = new() { ["Shot"] = new() { ["sg_cut_in"] = "", ["sg_cut_out"] = "clipOut", ["sg_tail_out"] = "" } } };

        var entries = AttributeMapEntry.From(options);

        Assert.DoesNotContain(entries, e => e.SgType == "Shot" && e.SgField == "sg_cut_in");
        Assert.Contains(entries, e => e is { SgType: "Shot", SgField: "sg_cut_out", AyonAttribute: "clipOut", Configured: true });
        Assert.Contains(entries, e => e is { SgType: "Shot", SgField: "sg_head_in", Configured: false });
        Assert.Empty(AttributeMapEntry.From(new SyncOptions { UseDefaultAttributeMap = false }));
    }

    [Fact]
    public void ConfiguredEntriesMustFitBothSchemasWhileDefaultsApplyWhereTheyCan()
    {
        var sg = new Dictionary<string, IReadOnlyDictionary<string, SgField>>
        {
            ["Shot"] = Fields("sg_cut_in", "description", "sg_start"),
        };
        var defaults = AttributeMapEntry.From(new SyncOptions()).Where(e => e.SgType == "Shot").ToList();

        var resolved = AttributeMapResolver.Resolve(defaults, sg, Attributes);

        // sg_cut_out, sg_fps … are not on this site, so those defaults are left out quietly.
        Assert.Equal(["description", "frameStart"], resolved.Entries.Select(e => e.AyonAttribute).Order(StringComparer.Ordinal));
        Assert.Equal("integer", resolved.TypeOf("frameStart"));

        AttributeMapEntry Configured(string field, string attribute) => new("Shot", field, attribute, Configured: true);
        var error = Assert.Throws<SyncSetupException>(() => AttributeMapResolver.Resolve(
            [Configured("sg_missing", "frameStart"), Configured("sg_cut_in", "noSuchAttribute"), Configured("description", "fullName"), Configured("sg_start", "startDate")], sg, Attributes));
        Assert.Contains("Sync:AttributeMap:Shot:sg_missing = frameStart: ShotGrid Shot has no field 'sg_missing'", error.Message);
        Assert.Contains("Sync:AttributeMap:Shot:sg_cut_in = noSuchAttribute: AYON has no attribute 'noSuchAttribute'", error.Message);
        Assert.Contains("Sync:AttributeMap:Shot:description = fullName: AYON attribute 'fullName' does not apply to folders", error.Message);
        Assert.Contains("Sync:AttributeMap:Shot:sg_start = startDate: AYON attribute 'startDate' is of type datetime", error.Message);
    }

    private static Dictionary<string, SgField> Fields(params string[] names) =>
        names.ToDictionary(n => n, n => new SgField(n, n, "text", [], new Dictionary<string, string>(), []));
}
