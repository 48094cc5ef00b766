namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Test access to entity lists.</summary>
public sealed partial class AyonStore
{
    /// <summary>The project's entity lists (any order), each with its listed entity ids in list order.</summary>
    public IReadOnlyList<EmuEntityList> EntityLists(string project) => Locked(() =>
        _projects.TryGetValue(project, out var p)
            ? p.Lists.All.Select(l => new EmuEntityList(
                l.Id, l.Label, l.EntityType, l.Data["shotgridId"]?.ToString(), l.Items.Select(i => i.EntityId).ToList())).ToList()
            : (IReadOnlyList<EmuEntityList>)[]);
}

/// <summary>An entity list as a test sees it: <paramref name="ShotgridId"/> is <c>data.shotgridId</c>.</summary>
public sealed record EmuEntityList(string Id, string Label, string EntityType, string? ShotgridId, IReadOnlyList<string> EntityIds);
