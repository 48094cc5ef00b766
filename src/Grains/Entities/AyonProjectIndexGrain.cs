using AyonShotgrid.Contracts;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Logging;

namespace AyonShotgrid.Grains.Entities;

/// <summary>In-memory index of a project's ShotGrid-linked AYON entities; see <see cref="IAyonProjectIndexGrain"/>.</summary>
public sealed partial class AyonProjectIndexGrain(
    IAyonClient ayon,
    ShotGridProjectReader reader,
    ProjectPreparer preparer,
    Configuration.ProjectSettingsReader projectSettings,
    TimeProvider time,
    ILogger<AyonProjectIndexGrain> logger) : Grain, IAyonProjectIndexGrain
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Parent), Dictionary<string, NameHolder>> _names = [];
    private string? _ayonProject;
    private ProjectContext? _context;
    private string? _hierarchyPreset;
    private DateTimeOffset _loadStartedAt = DateTimeOffset.MinValue;
    private (IReadOnlyDictionary<long, string> Links, DateTimeOffset At)? _users;
    private static readonly TimeSpan UsersFor = TimeSpan.FromMinutes(1);
    private static readonly IReadOnlySet<string> LinkAttributes = new HashSet<string>([NodeKeys.AttribId, NodeKeys.AttribType], StringComparer.Ordinal);

    async Task IAyonProjectIndexGrain.AttachAsync(string ayonProjectName, string? hierarchyPreset)
    {
        _hierarchyPreset = hierarchyPreset;
        if (_ayonProject != ayonProjectName)
        {
            _ayonProject = ayonProjectName;
            _context = null;
            await LoadAsync();
        }
        else if (_context is { } context)
        {
            // Every leecher round attaches before it routes: re-reading the settings (one call, not a reload) makes a
            // preset changed in AYON or through the gateway place the round's new entities; keeping the loaded one put a
            // sequence made right after the change under the old preset's parent until the next full sync.
            _context = context.WithSettings(await projectSettings.ReadAsync(context.AyonProjectName, CancellationToken.None, _hierarchyPreset));
        }
    }

    Task IAyonProjectIndexGrain.ReloadAsync() => LoadAsync();

    Task IAyonProjectIndexGrain.ReloadIfAttachedAsync() => _ayonProject is null ? Task.CompletedTask : LoadAsync();

    async Task<ProjectContext> IAyonProjectIndexGrain.GetContextAsync()
    {
        if (_context is null)
        {
            await LoadAsync();
        }

        return _context!;
    }

    async Task<string?> IAyonProjectIndexGrain.LookupAsync(string nodeKey, DateTimeOffset? reloadIfLoadedBefore)
    {
        if (_byKey.TryGetValue(nodeKey, out var id) || reloadIfLoadedBefore is not { } refusedAt || _loadStartedAt >= refusedAt)
        {
            return id;
        }

        // AYON refused a create after our last load began: somebody (a full sync, a person) made something meanwhile.
        await LoadAsync();
        return _byKey.GetValueOrDefault(nodeKey);
    }

    Task IAyonProjectIndexGrain.RecordAsync(string nodeKey, string ayonId, string ayonEntityType, string? parentId, string name, string type)
    {
        _byKey.Remove(nodeKey);
        Index(nodeKey, ayonId, ayonEntityType, parentId, name, type, active: true);
        return Task.CompletedTask;
    }

    async Task<IReadOnlyDictionary<long, string>> IAyonProjectIndexGrain.GetUserLinksAsync()
    {
        var now = time.GetUtcNow();
        if (_users is not { } users || now - users.At >= UsersFor)
        {
            var links = UserMap.From(await ayon.GetUsersAsync(CancellationToken.None)).Links.ToDictionary();
            _users = users = (links, now);
        }

        return users.Links;
    }

    Task<IReadOnlyList<NameHolder>> IAyonProjectIndexGrain.NameHoldersAsync(string ayonEntityType, string? parentId, IReadOnlyList<string> names)
    {
        IReadOnlyList<NameHolder> holders = _names.TryGetValue((ayonEntityType, parentId ?? ""), out var taken)
            ? names.Select(n => taken.GetValueOrDefault(n)).OfType<NameHolder>().ToList()
            : [];
        return Task.FromResult(holders);
    }

    Task<IReadOnlyList<NameHolder>> IAyonProjectIndexGrain.LinkedChildFoldersAsync(string parentId)
    {
        IReadOnlyList<NameHolder> children = _names.TryGetValue(("folder", parentId), out var names)
            ? names.Values.Where(n => n.Key is not null).ToList()
            : [];
        return Task.FromResult(children);
    }

    Task IAyonProjectIndexGrain.RecordMoveAsync(string ayonId, string? parentId)
    {
        foreach (var ((kind, _), names) in _names.Where(s => s.Key.Kind == "folder").ToList())
        {
            if (names.Values.FirstOrDefault(n => n.AyonId == ayonId) is { } holder)
            {
                names.Remove(holder.Name);
                Index(holder.Key, holder.AyonId, kind, parentId, holder.Name, holder.Type, active: true);
                break;
            }
        }

        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        // Wall-clock time on purpose (not the sync's clock): it orders this load against refusals seen by entity grains.
        var startedAt = time.GetUtcNow();
        var projectName = _ayonProject ?? throw new InvalidOperationException($"Index {this.GetPrimaryKeyString()} was used before the project grain attached it.");
        var sgProjectId = long.Parse(this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var sgProject = await reader.ReadProjectAsync(sgProjectId, CancellationToken.None);
        var project = await preparer.RefreshAnatomyAsync(projectName, CancellationToken.None);
        // Only the ShotGrid link of each entity is indexed: keeping every entity's attributes (inherited ones included)
        // made a 300,000-entity project's load hold 400 MB and outlast the 30-s call that attaches the index.
        var folders = await ayon.GetFoldersAsync(projectName, CancellationToken.None, LinkAttributes);
        var tasks = await ayon.GetTasksAsync(projectName, CancellationToken.None, LinkAttributes);

        _byKey.Clear();
        _names.Clear();
        foreach (var f in folders)
        {
            Index(NodeKeys.FromAttrib(f.Attrib), f.Id, "folder", f.ParentId, f.Name, f.FolderType, f.Active);
        }

        foreach (var t in tasks)
        {
            Index(NodeKeys.FromAttrib(t.Attrib), t.Id, "task", t.FolderId, t.Name, t.TaskType, t.Active);
        }

        foreach (var f in folders)
        {
            if (CategoryAliases.AliasOf(NodeKeys.FromAttrib(f.Attrib), f.FolderType, f.Label) is { } alias)
            {
                _byKey.TryAdd(alias, f.Id);
            }
        }

        var settings = await projectSettings.ReadAsync(project.Name, CancellationToken.None, _hierarchyPreset);
        _context = new ProjectContext(
            project.Name,
            sgProject.Navchains.ToDictionary(),
            project.Statuses.Select(s => new StatusEntry(s.Name, s.ShortName, s.Scope)).ToList(),
            project.TaskTypes.Select(t => t.Name).ToList()).WithSettings(settings);
        _loadStartedAt = startedAt;
        LogLoaded(logger, projectName, folders.Count, tasks.Count);
    }

    private void Index(string? key, string id, string kind, string? parentId, string name, string type, bool active)
    {
        if (key is not null)
        {
            _byKey.TryAdd(key, id);
        }

        // Inactive entities do not take part in AYON's sibling-name uniqueness.
        if (active)
        {
            var slot = (kind, parentId ?? "");
            if (!_names.TryGetValue(slot, out var names))
            {
                names = new Dictionary<string, NameHolder>(StringComparer.OrdinalIgnoreCase);
                _names[slot] = names;
            }

            names[name] = new NameHolder(key, id, name, kind, type);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed AYON project '{AyonProject}': {Folders} folders, {Tasks} tasks")]
    private static partial void LogLoaded(ILogger logger, string ayonProject, int folders, int tasks);
}
