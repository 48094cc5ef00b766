namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Note, Reply and Attachment as a notes sync reads them (reference §6 and sg-groundtruth entity_types/Note, Reply):
/// a Note belongs to a project and links to what it is about (<c>note_links</c>); a Reply has no project field (its
/// events carry no project) and points at its Note through <c>entity</c>; files hang off a Note as Attachments.
/// </summary>
internal static class NoteSchema
{
    public static readonly string[] NoteStatusValues = ["opn", "ip", "clsd"];

    public static (EntityDef Note, EntityDef Reply, EntityDef Attachment) Build(Func<EntityDef, EntityDef> common)
    {
        var note = common(new EntityDef("Note", "subject", true))
            .Add(new FieldDef("project", "Project", "entity", ["Project"]))
            .Add(new FieldDef("subject", "Subject", "text"))
            .Add(new FieldDef("content", "Body", "text"))
            .Add(new FieldDef("note_links", "Links", "multi_entity", ["Shot", "Asset", "Sequence", "Episode", "Scene", "Task", "Version"]))
            .Add(new FieldDef("tasks", "Tasks", "multi_entity", ["Task"]))
            .Add(new FieldDef("addressings_to", "To", "multi_entity", ["HumanUser", "Group"]))
            .Add(new FieldDef("addressings_cc", "Cc", "multi_entity", ["HumanUser", "Group"]))
            .Add(new FieldDef("user", "Author", "entity", ["HumanUser", "ApiUser"]))
            .Add(new FieldDef("attachments", "Attachments", "multi_entity", ["Attachment"]))
            .Add(new FieldDef("sg_ayon_id", "Ayon ID", "text"))
            .Add(new FieldDef("sg_status_list", "Status", "status_list", ValidValues: [.. NoteStatusValues],
                DisplayValues: new Dictionary<string, string> { ["opn"] = "Open", ["ip"] = "In Progress", ["clsd"] = "Closed" }, DefaultValue: "opn"));

        var reply = common(new EntityDef("Reply", "content", false))
            .Add(new FieldDef("content", "Body", "text"))
            .Add(new FieldDef("entity", "Note", "entity", ["Note"]))
            .Add(new FieldDef("user", "Author", "entity", ["HumanUser", "ApiUser"]))
            .Add(new FieldDef("sg_ayon_id", "Ayon ID", "text"));

        var attachment = common(new EntityDef("Attachment", "filename", true))
            .Add(new FieldDef("project", "Project", "entity", ["Project"]))
            .Add(new FieldDef("filename", "File Name", "text"))
            .Add(new FieldDef("this_file", "File", "url"))
            .Add(new FieldDef("attachment_links", "Links", "multi_entity", ["Note", "Shot", "Asset", "Task", "Version"]));

        return (note, reply, attachment);
    }
}
