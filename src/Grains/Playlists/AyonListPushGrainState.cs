namespace AyonShotgrid.Grains.Playlists;

/// <summary>Persisted state of a list push grain (plain JSON; add members with defaults).</summary>
[GenerateSerializer, Alias("ayonsg.list-push-state.v1")]
public sealed class AyonListPushGrainState
{
    [Id(0)] public string? AyonProjectName { get; set; }

    /// <summary>AYON event cursor of the project's <c>entity_list.*</c> events; started at the newest event when the push is switched on.</summary>
    [Id(1)] public string? Cursor { get; set; }

    [Id(2)] public bool Enabled { get; set; }

    [Id(3)] public int EventsRead { get; set; }

    [Id(4)] public int OwnEventsSkipped { get; set; }

    [Id(5)] public int Created { get; set; }

    [Id(6)] public int Updated { get; set; }

    /// <summary>The latest issues, newest last (at most <see cref="MaxIssues"/>).</summary>
    [Id(7)] public List<string> Issues { get; set; } = [];

    /// <summary>ShotGrid Playlists retired because their list was deleted in AYON (only with <c>Push:RetireDeleted</c>).</summary>
    [Id(8)] public int Retired { get; set; }

    public const int MaxIssues = KeptLatest.Max;

    public void AddIssues(IEnumerable<string> issues) => KeptLatest.Append(Issues, issues, MaxIssues);
}
