namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>
/// Playlist (reference shotgrid-api.md: a project's review list of Versions): <c>code</c>, <c>description</c>, the
/// <c>versions</c> multi-entity and the site's <c>sg_ayon_id</c> link field. Real sites also keep a reverse
/// <c>Version.playlists</c> and write a back-reference row on each Version; the emulator keeps neither (the sync reads
/// Playlist rows only).
/// </summary>
internal static class PlaylistSchema
{
    public static EntityDef Build() => new EntityDef("Playlist", "code", true)
        .Add(new FieldDef("id", "Id", "number", ReadOnly: true))
        .Add(new FieldDef("created_at", "Date Created", "date_time", ReadOnly: true))
        .Add(new FieldDef("updated_at", "Date Updated", "date_time", ReadOnly: true))
        .Add(new FieldDef("created_by", "Created by", "entity", ["HumanUser", "ApiUser"], ReadOnly: true))
        .Add(new FieldDef("updated_by", "Updated by", "entity", ["HumanUser", "ApiUser"], ReadOnly: true))
        .Add(new FieldDef("cached_display_name", "Cached Display Name", "text", ReadOnly: true))
        .Add(new FieldDef("project", "Project", "entity", ["Project"]))
        .Add(new FieldDef("code", "Playlist Name", "text"))
        .Add(new FieldDef("description", "Description", "text"))
        .Add(new FieldDef("versions", "Versions", "multi_entity", ["Version"]))
        .Add(new FieldDef("sg_ayon_id", "Ayon ID", "text"))
        .Add(new FieldDef("tags", "Tags", "multi_entity", ["Tag"]));
}
