namespace AyonShotgrid.Grains.Notes;

/// <summary>Persisted state of a comment push grain (plain JSON; add members with defaults, see docs/persistence.md).</summary>
[GenerateSerializer, Alias("ayonsg.comment-push-state.v1")]
public sealed class CommentPushGrainState
{
    [Id(0)] public string? AyonProjectName { get; set; }

    /// <summary>AYON event cursor of the project's <c>activity.*</c> events; started where the folder/task push is when switched on.</summary>
    [Id(1)] public string? Cursor { get; set; }

    [Id(2)] public bool Enabled { get; set; }

    [Id(3)] public int EventsRead { get; set; }

    [Id(4)] public int OwnEventsSkipped { get; set; }

    [Id(5)] public int Created { get; set; }

    [Id(6)] public int Updated { get; set; }

    [Id(7)] public int Deleted { get; set; }

    [Id(8)] public int ShotGridRequests { get; set; }

    /// <summary>The latest issues, newest last (at most <see cref="MaxIssues"/>).</summary>
    [Id(9)] public List<string> Issues { get; set; } = [];

    /// <summary>Whether the folder/task push was on at the last poll (where a switched-on comment push starts reading).</summary>
    [Id(10)] public bool PushSeenOn { get; set; }

    public const int MaxIssues = KeptLatest.Max;

    public void AddIssues(IEnumerable<string> issues) => KeptLatest.Append(Issues, issues, MaxIssues);
}
