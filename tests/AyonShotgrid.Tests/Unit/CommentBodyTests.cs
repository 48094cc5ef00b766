using AyonShotgrid.Grains.Notes;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Tests.Unit;

public sealed class CommentBodyTests
{
    private static readonly Dictionary<long, string> Users = new() { [1] = "ann.lee" };

    [Fact]
    public void AnUnlinkedAuthorIsNamedAndAttachmentsAreListedWithALinkToShotGrid()
    {
        var note = new ShotGridNote(5, 70, "Look [dev]", "Too dark", [], [new SgEntityRef("Group", 3, "Lighting")],
            new SgEntityRef("HumanUser", 2, "Carl"), DateTimeOffset.UnixEpoch, [new SgEntityRef("Attachment", 9, "ref.png")]);

        var body = CommentBody.ForNote(note, Users, "https://studio.shotgrid.autodesk.com/");

        Assert.Equal("**Look \\[dev\\]**\n\nToo dark\n\n— Carl (ShotGrid)\n\nTo: Lighting\n\nAttachments: [ref.png](https://studio.shotgrid.autodesk.com/file_serve/attachment/9)", body);
        Assert.Null(CommentBody.AuthorOf(note.Author, Users));
        Assert.Equal("ann.lee", CommentBody.AuthorOf(new SgEntityRef("HumanUser", 1), Users));
    }

    [Fact]
    public void ALongNoteIsShortenedToWhatAyonAcceptsKeepingWhoItIsFor()
    {
        var note = new ShotGridNote(5, 70, null, new string('x', 5000), [], [new SgEntityRef("HumanUser", 1, "Ann Lee")], null, DateTimeOffset.UnixEpoch, []);

        var body = CommentBody.ForNote(note, Users, "https://sg");

        Assert.Equal(CommentBody.MaxLength, body.Length);
        Assert.EndsWith("…\n\nTo: [Ann Lee](user:ann.lee)", body);
    }

    [Fact]
    public void ActivityIdsAreStablePerNoteAndEntityAndLookLikeAyonIds()
    {
        var id = CommentIds.Of("site", "Note", 5, "a".PadLeft(32, '0'));

        Assert.Equal(id, CommentIds.Of("site", "Note", 5, "a".PadLeft(32, '0')));
        Assert.NotEqual(id, CommentIds.Of("site", "Note", 5, "b".PadLeft(32, '0')));
        Assert.NotEqual(id, CommentIds.Of("site", "Reply", 5, "a".PadLeft(32, '0')));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }
}
