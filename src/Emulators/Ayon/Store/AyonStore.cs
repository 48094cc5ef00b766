using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// The emulator's whole state. One lock guards everything: requests are short and in-memory, so a single lock keeps
/// batches atomic and reads consistent without costing the benchmark anything measurable.
/// </summary>
public sealed partial class AyonStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProjectState> _projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Addon, string Version, string Variant), JsonObject> _settings = [];
    private readonly Dictionary<(string Addon, string Version, string Variant, string Project), JsonObject> _projectOverrides = [];
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _users = new(StringComparer.Ordinal);
    private int _restartCount;
    private DateTimeOffset _startedAt;
    private DateTimeOffset _stalledUntil;
    private readonly TimeSpan _restartStall;

    internal AyonStore(AyonEmulatorOptions options, AyonFaults faults, TimeProvider time)
    {
        Faults = faults;
        Time = time;
        Attributes = new AttributeRegistry(options.RequireRestartForAttributes, time);
        _startedAt = time.GetUtcNow();
        _restartStall = options.RestartStall;
        // The service user every API key belongs to (see /api/users/me) exists like any other user.
        _users["service"] = new UserRecord("service", new JsonObject { ["fullName"] = "Service" }, new JsonObject { ["isService"] = true },
            true, false, _startedAt, _startedAt);
    }

    /// <summary>Until when requests are held unanswered, as while the real server replaces its worker.</summary>
    internal DateTimeOffset StalledUntil => Locked(() => _stalledUntil);

    /// <summary>When the emulated server process last (re)started; <c>/api/info</c> uptime counts from here.</summary>
    internal DateTimeOffset StartedAt => Locked(() => _startedAt);

    internal AyonFaults Faults { get; }
    internal TimeProvider Time { get; }
    internal AttributeRegistry Attributes { get; }
    internal EventLog EventLog { get; } = new();
    internal Dictionary<string, ProjectState> ProjectTable => _projects;
    internal Dictionary<(string Addon, string Version, string Variant), JsonObject> SettingsTable => _settings;

    internal Dictionary<(string Addon, string Version, string Variant, string Project), JsonObject> ProjectOverridesTable => _projectOverrides;
    internal Dictionary<string, string> SecretTable => _secrets;
    internal Dictionary<string, UserRecord> UserTable => _users;

    /// <summary>
    /// Adds a user without a password, as a studio's SSO or admin would have made it; <paramref name="shotgridUserId"/>
    /// links it to a ShotGrid HumanUser the way ayon-shotgrid does (<c>data.sg_user_id</c>).
    /// </summary>
    public void AddUser(string name, string? fullName = null, long? shotgridUserId = null, bool active = true) => Locked(() =>
    {
        var data = new JsonObject();
        if (shotgridUserId is { } sg)
        {
            data["sg_user_id"] = sg;
        }

        UserWriter.Create(this, name, new JsonObject { ["attrib"] = new JsonObject { ["fullName"] = fullName ?? name }, ["data"] = data, ["active"] = active }, Time.GetUtcNow());
    });

    public IReadOnlyList<string> UserNames => Locked(() => _users.Keys.Order(StringComparer.Ordinal).ToList());

    /// <summary>Assignees and tags of a task as stored (for tests).</summary>
    public (IReadOnlyList<string> Assignees, IReadOnlyList<string> Tags)? TaskLists(string project, string taskId) => Locked(() =>
        _projects.TryGetValue(project, out var p) && p.GetTask(taskId) is { } t ? (t.Assignees.ToList(), t.Tags.ToList()) : ((IReadOnlyList<string>, IReadOnlyList<string>)?)null);

    /// <summary>Tags of a folder as stored (for tests).</summary>
    public IReadOnlyList<string>? FolderTags(string project, string folderId) => Locked(() =>
        _projects.TryGetValue(project, out var p) && p.GetFolder(folderId) is { } f ? f.Tags.ToList() : null);

    public IReadOnlyList<string> ProjectNames => Locked(() => _projects.Values.Select(p => p.Name).Order(StringComparer.Ordinal).ToList());

    public EmuProject? GetProject(string name) => Locked(() =>
        _projects.TryGetValue(name, out var p)
            ? new EmuProject(p.Name, p.Code, p.Label, ProjectState.Names(p.FolderTypes).ToList(),
                ProjectState.Names(p.TaskTypes).ToList(), ProjectState.Names(p.Statuses).ToList(), JsonFields.ToClrMap(p.Attrib))
            : null);

    public IReadOnlyList<EmuFolder> Folders(string project) => Locked(() =>
        _projects.TryGetValue(project, out var p)
            ? p.Folders.OrderBy(f => f.Sequence)
                .Select(f => new EmuFolder(f.Id, f.Name, f.Label, f.FolderType, f.ParentId, f.Status, f.Active,
                    JsonFields.ToClrMap(f.Attrib), p.FolderPath(f.Id)))
                .ToList()
            : []);

    /// <summary>Which of these folder ids exist (one lock, no copies: the benchmark asks this every few milliseconds).</summary>
    public IReadOnlyList<string> ExistingFolderIds(string project, IEnumerable<string> ids) => Locked(() =>
        _projects.TryGetValue(project, out var p) ? ids.Where(id => p.GetFolder(id) is not null).ToList() : []);

    public IReadOnlyList<EmuTask> Tasks(string project) => Locked(() =>
        _projects.TryGetValue(project, out var p)
            ? p.Tasks.OrderBy(t => t.Sequence)
                .Select(t => new EmuTask(t.Id, t.Name, t.Label, t.TaskType, t.FolderId, t.Status, t.Active, JsonFields.ToClrMap(t.Attrib)))
                .ToList()
            : []);

    /// <summary>Which of these activity ids exist (one lock, no copies: the notes benchmark asks this every few milliseconds).</summary>
    public IReadOnlyList<string> ExistingActivityIds(string project, IEnumerable<string> ids) => Locked(() =>
        _projects.TryGetValue(project, out var p) ? ids.Where(p.Activities.ContainsKey).ToList() : []);

    /// <summary>How many comments a project holds (the notes benchmark's count, without copying them).</summary>
    public int CommentCount(string project) => Locked(() =>
        _projects.TryGetValue(project, out var p) ? p.Activities.Values.Count(a => a.ActivityType == "comment") : 0);

    /// <summary>A project's activities in creation order (for tests).</summary>
    public IReadOnlyList<EmuActivity> Activities(string project) => Locked(() =>
        _projects.TryGetValue(project, out var p) ? p.Activities.Values.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.ToPublic()).ToList() : []);

    public IReadOnlyList<EmuEvent> Events => Locked(() => EventLog.All.Select(e => e.ToPublic()).ToList());

    /// <summary>Attributes as <c>GET /api/attributes</c> lists them (including ones waiting for a restart).</summary>
    public IReadOnlyList<string> AttributeNames => Locked(() => Attributes.Defined.Select(a => a.Name).ToList());

    public void SetAddonSettings(string addon, string version, JsonObject settings, string variant = "production") =>
        Locked(() => _settings[(addon, version, variant)] = (JsonObject)settings.DeepClone());

    /// <summary>Project overrides: GET …/settings/{project} answers the studio settings with these keys replaced.</summary>
    public void SetProjectAddonSettings(string addon, string version, string project, JsonObject overrides, string variant = "production") =>
        Locked(() => _projectOverrides[(addon, version, variant, project)] = (JsonObject)overrides.DeepClone());

    public void SetSecret(string name, string value) => Locked(() => _secrets[name] = value);

    public int RestartCount => Locked(() => _restartCount);

    internal void Restart() => Locked(() =>
    {
        Attributes.Restart();
        _restartCount++;
        _startedAt = Time.GetUtcNow();
        _stalledUntil = _startedAt + _restartStall;
    });

    internal T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    internal void Locked(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    /// <summary>
    /// Runs one write against a project atomically: on failure its changes are undone, on success its events are
    /// stored with the caller's sender headers.
    /// </summary>
    internal T WriteProject<T>(string projectName, RequestOrigin origin, Func<WriteContext, T> write)
    {
        lock (_gate)
        {
            var project = _projects.GetValueOrDefault(projectName)
                ?? throw AyonProblem.NotFound($"Project {projectName} not found");
            var ctx = new WriteContext(project, Attributes, Faults, Time.GetUtcNow(), []);
            var undo = new List<Action>();
            project.UndoLog = undo;
            try
            {
                var result = write(ctx);
                project.UndoLog = null;
                CommitEvents(ctx, origin);
                return result;
            }
            catch
            {
                project.RollBack(undo);
                throw;
            }
        }
    }

    /// <summary>Stores the events of a committed write. Caller holds the lock.</summary>
    internal void CommitEvents(WriteContext ctx, RequestOrigin origin)
    {
        foreach (var pending in ctx.Events)
        {
            EventLog.Emit(pending, ctx.Project.Name, origin, ctx.Now);
        }

        ctx.Events.Clear();
    }
}
