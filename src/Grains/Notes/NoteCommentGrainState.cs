namespace AyonShotgrid.Grains.Notes;

/// <summary>Persisted state of a note comment grain (plain JSON; add members with defaults, see docs/persistence.md).</summary>
[GenerateSerializer, Alias("ayonsg.note-comment-grain-state.v1")]
public sealed class NoteCommentGrainState
{
    [Id(0)] public string? AyonProject { get; set; }

    /// <summary>AYON entity id → the comment activity id on it.</summary>
    [Id(1)] public Dictionary<string, string> Posted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The body last written, so an unchanged note costs no AYON request.</summary>
    [Id(2)] public string? Body { get; set; }

    /// <summary>The AYON comment this Note or Reply was made from (the comment push), which stands for it in AYON.</summary>
    [Id(3)] public string? OriginActivity { get; set; }
}
