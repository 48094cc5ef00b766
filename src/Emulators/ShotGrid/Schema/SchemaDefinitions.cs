namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>The fields a sync touches, per entity type, with ShotGrid's data types and defaults (reference §6).</summary>
internal static class SchemaDefinitions
{
    public static readonly string[] StatusValues = ["wtg", "rdy", "ip", "rev", "apr", "hld", "fin", "omt", "na", "cmpt"];

    private static readonly Dictionary<string, string> StatusDisplay = new()
    {
        ["wtg"] = "Waiting to Start", ["rdy"] = "Ready to Start", ["ip"] = "In Progress", ["rev"] = "Pending Review",
        ["apr"] = "Approved", ["hld"] = "On Hold", ["fin"] = "Final", ["omt"] = "Omit", ["na"] = "N/A", ["cmpt"] = "Complete",
    };

    public static readonly string[] DefaultAssetTypes = ["Character", "Prop", "Environment", "Vehicle", "FX"];

    public static IEnumerable<EntityDef> Build()
    {
        var project = Common(new EntityDef("Project", "name", projectScoped: false))
            .Add(Text("name", "Project Name"))
            .Add(Text("code", "Project Code"))
            .Add(Text("tank_name", "Tank Name"))
            .Add(Text("description", "Description"))
            .Add(List("sg_status", "Status", ["Bidding", "Active", "Lost", "Hold"], null))
            .Add(Checkbox("archived", "Archived"))
            .Add(Checkbox("is_template", "Template"))
            .Add(Checkbox("is_demo", "Demo Project"))
            .Add(new FieldDef("tracking_settings", "Tracking Settings", "serializable"))
            .Add(Checkbox("sg_ayon_auto_sync", "Ayon Auto Sync"))
            .Add(Text("sg_ayon_id", "Ayon ID"))
            .Add(Multi("users", "Users", "HumanUser"));

        var episode = Scoped(new EntityDef("Episode", "code", true))
            .Add(Text("code", "Episode Name"))
            .Add(Multi("sequences", "Sequences", "Sequence"))
            .Add(Multi("assets", "Assets", "Asset"));

        var sequence = Scoped(new EntityDef("Sequence", "code", true))
            .Add(Text("code", "Sequence Name"))
            .Add(Link("episode", "Episode", "Episode"))
            .Add(Multi("shots", "Shots", "Shot"))
            .Add(Multi("assets", "Assets", "Asset"));

        var scene = Scoped(new EntityDef("Scene", "code", true))
            .Add(Text("code", "Scene Name"))
            .Add(Link("sg_sequence", "Sequence", "Sequence"))
            .Add(Multi("shots", "Shots", "Shot"));

        var shot = Scoped(new EntityDef("Shot", "code", true))
            .Add(Text("code", "Shot Code"))
            .Add(Link("sg_sequence", "Sequence", "Sequence"))
            .Add(Link("sg_scene", "Scene", "Scene"))
            .Add(Multi("assets", "Assets", "Asset"))
            .Add(Number("sg_cut_in", "Cut In"))
            .Add(Number("sg_cut_out", "Cut Out"))
            .Add(Number("sg_cut_duration", "Cut Duration"))
            .Add(Number("sg_head_in", "Head In"))
            .Add(Number("sg_tail_out", "Tail Out"));

        var asset = Scoped(new EntityDef("Asset", "code", true))
            .Add(Text("code", "Asset Name"))
            .Add(List("sg_asset_type", "Type", DefaultAssetTypes, null))
            .Add(Multi("shots", "Shots", "Shot"))
            .Add(Multi("sequences", "Sequences", "Sequence"))
            .Add(Multi("episodes", "Episodes", "Episode"))
            .Add(Multi("parents", "Parents", "Asset"));

        var task = Common(new EntityDef("Task", "content", true))
            .Add(OpenNotesCount())
            .Add(Link("project", "Project", "Project"))
            .Add(Status("sg_status_list", "Status"))
            .Add(Text("sg_description", "Description"))
            .Add(Text("sg_ayon_id", "Ayon ID"))
            .Add(Text("content", "Task Name"))
            .Add(Link("entity", "Link", "Asset", "Shot", "Sequence", "Episode", "Scene"))
            .Add(Link("step", "Pipeline Step", "Step"))
            .Add(Multi("task_assignees", "Assigned To", "HumanUser", "Group"))
            .Add(Multi("tags", "Tags", "Tag"))
            .Add(new FieldDef("start_date", "Start Date", "date"))
            .Add(new FieldDef("due_date", "Due Date", "date"))
            .Add(new FieldDef("duration", "Duration", "duration"))
            .Add(Multi("sg_versions", "Versions", "Version"));

        // Version and PublishedFile: what a publish writes (reference §12, sg-groundtruth entity_types/Version, PublishedFile).
        var version = Scoped(new EntityDef("Version", "code", true), VersionStatus)
            .Add(Text("code", "Version Name"))
            .Add(Link("entity", "Link", "Asset", "Shot", "Sequence", "Episode"))
            .Add(Link("sg_task", "Task", "Task"))
            .Add(Link("user", "Artist", "HumanUser", "ApiUser", "Group"))
            .Add(Number("sg_first_frame", "First Frame"))
            .Add(Number("sg_last_frame", "Last Frame"))
            .Add(Text("frame_range", "Frame Range"))
            .Add(Text("sg_path_to_frames", "Path to Frames"))
            .Add(Text("sg_path_to_movie", "Path to Movie"))
            .Add(Multi("published_files", "Published Files", "PublishedFile"));

        var publishedFile = ProjectScoped(new EntityDef("PublishedFile", "code", true), PublishStatus)
            .Add(Text("code", "Published File Name"))
            .Add(Text("name", "Name"))
            .Add(Number("version_number", "Version Number"))
            .Add(new FieldDef("path", "Path", "url"))
            .Add(Text("path_cache", "Path Cache"))
            .Add(Link("published_file_type", "Published File Type", "PublishedFileType"))
            .Add(Link("version", "Version", "Version"))
            .Add(Link("entity", "Link", "Asset", "Shot", "Sequence", "Episode"))
            .Add(Link("task", "Task", "Task"));

        // Site-wide: no project field, every project reads the same rows.
        var publishedFileType = Common(new EntityDef("PublishedFileType", "code", false))
            .Add(Text("code", "Published File Type Name"))
            .Add(Text("short_name", "Short Name"))
            .Add(Text("description", "Description"))
            .Add(PublishStatus())
            .Add(Multi("tags", "Tags", "Tag"));

        var step = Common(new EntityDef("Step", "code", false))
            .Add(Text("code", "Step Name"))
            .Add(Text("short_name", "Short Name"))
            .Add(Text("description", "Description"))
            .Add(new FieldDef("entity_type", "Entity Type", "entity_type"))
            .Add(Number("list_order", "Order"))
            .Add(new FieldDef("color", "Color", "color"));

        var human = Common(new EntityDef("HumanUser", "name", false))
            .Add(Text("login", "Login"))
            .Add(Text("name", "Name"))
            .Add(Text("firstname", "First Name"))
            .Add(Text("lastname", "Last Name"))
            .Add(Text("email", "Email"))
            .Add(new FieldDef("sg_status_list", "Status", "status_list", ValidValues: ["act", "dis"],
                DisplayValues: new Dictionary<string, string> { ["act"] = "Active", ["dis"] = "Disabled" }, DefaultValue: "act"))
            .Add(Multi("projects", "Projects", "Project"));

        // Site-wide, like HumanUser: a Tag has a name and is linked from the "tags" field of any entity.
        var tag = Common(new EntityDef("Tag", "name", false))
            .Add(Text("name", "Tag Name"));

        var api = Common(new EntityDef("ApiUser", "firstname", false))
            .Add(Text("firstname", "Script Name"))
            .Add(Text("lastname", "Version"))
            .Add(Text("description", "Description"))
            .Add(Checkbox("generate_event_log_entries", "Generate Event Log Entries"))
            .Add(Multi("projects", "Projects", "Project"));

        var events = new EntityDef("EventLogEntry", "description", false)
            .Add(Number("id", "Id", readOnly: true))
            .Add(Text("event_type", "Event Type"))
            .Add(Text("attribute_name", "Attribute Name"))
            .Add(new FieldDef("meta", "Meta", "serializable"))
            .Add(Link("entity", "Entity", "Project", "Episode", "Sequence", "Scene", "Shot", "Asset", "Task", "Step", "HumanUser", "ApiUser", "Tag",
                "Version", "PublishedFile", "PublishedFileType", "Playlist"))
            .Add(Link("user", "User", "HumanUser", "ApiUser"))
            .Add(Link("project", "Project", "Project"))
            .Add(new FieldDef("session_uuid", "Session UUID", "uuid"))
            .Add(Text("description", "Description"))
            .Add(new FieldDef("created_at", "Date Created", "date_time", ReadOnly: true));

        return [project, episode, sequence, scene, shot, asset, task, version, publishedFile, publishedFileType, PlaylistSchema.Build(), step, human, tag, api, events];
    }

    private static EntityDef Common(EntityDef def) => def
        .Add(Number("id", "Id", readOnly: true))
        .Add(new FieldDef("created_at", "Date Created", "date_time", ReadOnly: true))
        .Add(new FieldDef("updated_at", "Date Updated", "date_time", ReadOnly: true))
        .Add(new FieldDef("created_by", "Created by", "entity", ["HumanUser", "ApiUser"], ReadOnly: true))
        .Add(new FieldDef("updated_by", "Updated by", "entity", ["HumanUser", "ApiUser"], ReadOnly: true))
        .Add(new FieldDef("cached_display_name", "Cached Display Name", "text", ReadOnly: true));

    private static EntityDef Scoped(EntityDef def, Func<FieldDef>? status = null) => ProjectScoped(def, status)
        .Add(Multi("tasks", "Tasks", "Task"));

    private static EntityDef ProjectScoped(EntityDef def, Func<FieldDef>? status = null) => Common(def)
        .Add(OpenNotesCount())
        .Add(Link("project", "Project", "Project"))
        .Add(status?.Invoke() ?? Status("sg_status_list", "Status"))
        .Add(Text("description", "Description"))
        .Add(Text("sg_ayon_id", "Ayon ID"))
        .Add(Multi("tags", "Tags", "Tag"));

    // A studio site's Version statuses (sg-groundtruth 002_batch lists a site's set); new Versions wait for review.
    private static FieldDef VersionStatus() =>
        new("sg_status_list", "Status", "status_list", ValidValues: ["na", "rev", "vwd", "apr", "fin", "ip", "cmpt", "wtg", "hld", "omt"],
            DisplayValues: new Dictionary<string, string>(StatusDisplay) { ["vwd"] = "Viewed" }, DefaultValue: "rev");

    // PublishedFile / PublishedFileType statuses on the probed site (entity_types/PublishedFile.md): wtg, ip, cmpt.
    private static FieldDef PublishStatus() =>
        new("sg_status_list", "Status", "status_list", ValidValues: ["wtg", "ip", "cmpt"],
            DisplayValues: new Dictionary<string, string> { ["wtg"] = "Waiting to Start", ["ip"] = "In Progress", ["cmpt"] = "Complete" }, DefaultValue: "wtg");

    // Server-kept, 0 on create; in every create answer of a project entity (recorded create pairs), never in an event row.
    private static FieldDef OpenNotesCount() => new("open_notes_count", "Open Notes", "number", DefaultValue: 0L, ReadOnly: true);

    private static FieldDef Text(string name, string display) => new(name, display, "text");

    private static FieldDef Number(string name, string display, bool readOnly = false) => new(name, display, "number", ReadOnly: readOnly);

    private static FieldDef Checkbox(string name, string display) => new(name, display, "checkbox", DefaultValue: false);

    private static FieldDef Link(string name, string display, params string[] types) => new(name, display, "entity", types);

    private static FieldDef Multi(string name, string display, params string[] types) => new(name, display, "multi_entity", types);

    private static FieldDef Status(string name, string display) =>
        new(name, display, "status_list", ValidValues: [.. StatusValues], DisplayValues: StatusDisplay, DefaultValue: "wtg");

    private static FieldDef List(string name, string display, string[] values, string? defaultValue) =>
        new(name, display, "list", ValidValues: [.. values], DisplayValues: values.ToDictionary(v => v, v => v), DefaultValue: defaultValue);
}
