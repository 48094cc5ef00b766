using System.Globalization;
using System.Net;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.FullSync;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.ShotGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Prepare;

/// <summary>
/// Prepare Project: the AYON project exists, carries its ShotGrid id, and has the attributes, folder types,
/// task types (ShotGrid Pipeline Steps) and statuses (ShotGrid status lists) the sync writes. Idempotent:
/// it only adds what is missing and never removes or rewrites anything.
/// </summary>
public sealed partial class ProjectPreparer(
    IAyonClient ayon,
    ShotGridProjectReader reader,
    ShotGridAnatomyReader anatomyReader,
    IOptions<AyonOptions> ayonOptions,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<SyncOptions> syncOptions,
    ILogger<ProjectPreparer> logger)
{
    public async Task<(PrepareResult Result, SgProjectInfo Project)> PrepareAsync(long sgProjectId, string? linkedAyonName, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var notes = new List<string>();
        var sgProject = await reader.ReadProjectAsync(sgProjectId, cancellationToken);

        var name = linkedAyonName;
        if (name is null)
        {
            (name, var nameNote) = AyonNames.ProjectName(sgProject.Name, sgProjectId);
            if (nameNote is not null)
            {
                notes.Add(nameNote);
            }
        }

        LogPreparing(logger, sgProjectId, sgProject.Name, name);
        await EnsureAttributesAsync(changes, cancellationToken);

        var existing = await ayon.GetProjectAsync(name, cancellationToken);
        var created = false;
        if (existing is null)
        {
            var (code, codeNote) = AyonNames.ProjectCode(sgProject.Code, name, sgOptions.Value.ProjectCodeField);
            if (codeNote is not null)
            {
                notes.Add(codeNote);
            }

            var anatomy = await anatomyReader.ReadAsync(cancellationToken);
            await ayon.CreateProjectAsync(
                new AyonProjectCreate(name, code, AyonNames.Label(sgProject.Name), AnatomyDefaults.FolderTypes, TaskTypes(anatomy, []), Statuses(anatomy, []), LinkAttrib(sgProjectId)),
                cancellationToken);
            created = true;
            changes.Add($"created AYON project '{name}' (code '{code}')");
            existing = await ayon.GetProjectAsync(name, cancellationToken)
                ?? throw new AyonException($"AYON accepted project '{name}' but does not return it.");
        }
        else
        {
            CheckLink(existing, sgProjectId, notes);
        }

        if (!IsLinked(existing, sgProjectId))
        {
            await ayon.PatchProjectAsync(existing.Name, new AyonProjectPatch(Attrib: LinkAttrib(sgProjectId)), cancellationToken);
            changes.Add($"set shotgridId {sgProjectId} on AYON project '{existing.Name}'");
        }

        await EnsureAnatomyAsync(existing, changes, cancellationToken);
        LogPrepared(logger, sgProjectId, existing.Name, changes.Count);
        return (new PrepareResult(sgProjectId, existing.Name, created, changes, notes), sgProject);
    }

    /// <summary>Adds task types and statuses that appeared in ShotGrid since the last Prepare; returns the current project.</summary>
    /// <param name="schemas">ShotGrid fields shared with the rest of the same sync's start (see <see cref="ShotGridSchemaReads"/>).</param>
    public async Task<AyonProject> RefreshAnatomyAsync(string ayonProjectName, CancellationToken cancellationToken, ShotGridSchemaReads? schemas = null)
    {
        var project = await ayon.GetProjectAsync(ayonProjectName, cancellationToken)
            ?? throw new SyncSetupException($"AYON project '{ayonProjectName}' does not exist any more; run Prepare Project again.");
        var changes = new List<string>();
        await EnsureAnatomyAsync(project, changes, cancellationToken, schemas);
        return changes.Count == 0 ? project : await ayon.GetProjectAsync(ayonProjectName, cancellationToken) ?? project;
    }

    private async Task EnsureAnatomyAsync(AyonProject project, List<string> changes, CancellationToken cancellationToken, ShotGridSchemaReads? schemas = null)
    {
        var anatomy = await anatomyReader.ReadAsync(cancellationToken, schemas);
        var folderTypes = Merge(project.FolderTypes, AnatomyDefaults.FolderTypes, f => f.Name, out var newFolderTypes);
        var taskTypes = Merge(project.TaskTypes, TaskTypes(anatomy, project.TaskTypes), t => t.Name, out var newTaskTypes);
        var statuses = Merge(project.Statuses, Statuses(anatomy, project.Statuses), s => s.Name, out var newStatuses);
        if (newFolderTypes.Count + newTaskTypes.Count + newStatuses.Count == 0)
        {
            return;
        }

        // AYON replaces these lists wholesale on PATCH, so send what is there plus what is new, never less.
        await ayon.PatchProjectAsync(
            project.Name,
            new AyonProjectPatch(
                FolderTypes: newFolderTypes.Count > 0 ? folderTypes : null,
                TaskTypes: newTaskTypes.Count > 0 ? taskTypes : null,
                Statuses: newStatuses.Count > 0 ? statuses : null),
            cancellationToken);
        Describe(changes, "folder types", newFolderTypes);
        Describe(changes, "task types", newTaskTypes);
        Describe(changes, "statuses", newStatuses);
    }

    private async Task EnsureAttributesAsync(List<string> changes, CancellationToken cancellationToken)
    {
        var current = (await ayon.GetAttributesAsync(cancellationToken)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var written = new List<string>();
        foreach (var wanted in AnatomyDefaults.Attributes)
        {
            if (current.TryGetValue(wanted.Name, out var have)
                && wanted.Scope.All(have.Scope.Contains) && have.Type == wanted.Type && have.Inherit == wanted.Inherit)
            {
                continue;
            }

            // Keep scopes other integrations added (ayon-shotgrid also puts these on versions).
            var scope = have is null ? wanted.Scope : have.Scope.Union(wanted.Scope).ToList();
            await ayon.PutAttributeAsync(wanted with { Scope = scope, Position = have?.Position ?? wanted.Position }, cancellationToken);
            written.Add(wanted.Name);
        }

        if (written.Count == 0)
        {
            return;
        }

        changes.Add($"added attributes {string.Join(", ", written)}");
        if (ayonOptions.Value.RestartAfterAttributeChange)
        {
            // AYON builds its entity models at start-up: until it restarts, writes to the new attributes are silently dropped.
            LogRestarting(logger, string.Join(", ", written));
            await ayon.RestartServerAsync(ayonOptions.Value.RestartTimeout, cancellationToken);
            changes.Add("restarted AYON so the new attributes take effect");
        }
        else
        {
            changes.Add("AYON must be restarted before the new attributes can be written (Ayon:RestartAfterAttributeChange is off)");
        }
    }

    private IReadOnlyList<AyonTaskType> TaskTypes(ShotGridAnatomy anatomy, IReadOnlyList<AyonTaskType> existing)
    {
        var result = new List<AyonTaskType>();
        foreach (var step in anatomy.Steps)
        {
            result.Add(new AyonTaskType(step.Code, step.ShortName.ToLowerInvariant(), step.Color));
        }

        result.Add(new AyonTaskType(syncOptions.Value.DefaultTaskType, "gen"));
        return result.Where(t => !existing.Any(e => string.Equals(e.Name, t.Name, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static IReadOnlyList<AyonStatus> Statuses(ShotGridAnatomy anatomy, IReadOnlyList<AyonStatus> existing)
    {
        var result = new List<AyonStatus>();
        var names = new HashSet<string>(existing.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        var codes = new HashSet<string>(existing.Select(s => s.ShortName), StringComparer.OrdinalIgnoreCase);
        foreach (var (code, display) in anatomy.Statuses)
        {
            if (!codes.Add(code))
            {
                continue;
            }

            var name = names.Contains(display) ? $"{display} ({code})" : display;
            names.Add(name);
            result.Add(new AyonStatus(name, code, AnatomyDefaults.StateFor(code)));
        }

        if (existing.Count == 0 && result.Count == 0)
        {
            // AYON refuses a project without statuses; a site with no status lists still gets a usable one.
            result.Add(new AyonStatus("Not ready", "wtg", "not_started"));
        }

        return result;
    }

    private static List<T> Merge<T>(IReadOnlyList<T> existing, IReadOnlyList<T> wanted, Func<T, string> name, out List<T> added)
    {
        added = wanted.Where(w => !existing.Any(e => string.Equals(name(e), name(w), StringComparison.OrdinalIgnoreCase))).ToList();
        return [.. existing, .. added];
    }

    private static void Describe<T>(List<string> changes, string what, List<T> added)
    {
        if (added.Count > 0)
        {
            changes.Add($"added {what}: {string.Join(", ", added.Select(a => a switch { AyonFolderType f => f.Name, AyonTaskType t => t.Name, AyonStatus s => s.Name, _ => a?.ToString() }))}");
        }
    }

    private static Dictionary<string, string?> LinkAttrib(long sgProjectId) => new()
    {
        [NodeKeys.AttribId] = sgProjectId.ToString(CultureInfo.InvariantCulture),
        [NodeKeys.AttribType] = SyncEntityTypes.Project,
    };

    private static bool IsLinked(AyonProject project, long sgProjectId) =>
        project.Attrib.TryGetValue(NodeKeys.AttribId, out var id) && id?.ToString() == sgProjectId.ToString(CultureInfo.InvariantCulture);

    private static void CheckLink(AyonProject project, long sgProjectId, List<string> notes)
    {
        var id = project.Attrib.TryGetValue(NodeKeys.AttribId, out var value) ? value?.ToString() : null;
        if (string.IsNullOrEmpty(id))
        {
            notes.Add($"AYON project '{project.Name}' already existed without a ShotGrid link; it is now linked to ShotGrid project {sgProjectId}.");
        }
        else if (id != sgProjectId.ToString(CultureInfo.InvariantCulture))
        {
            throw new SyncSetupException($"AYON project '{project.Name}' is linked to ShotGrid project {id}, not {sgProjectId}. Rename one of the projects or unlink it in AYON (attribute shotgridId).");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preparing ShotGrid project {SgProjectId} '{SgName}' as AYON project '{AyonName}'")]
    private static partial void LogPreparing(ILogger logger, long sgProjectId, string sgName, string ayonName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared ShotGrid project {SgProjectId} as AYON project '{AyonName}' ({ChangeCount} changes)")]
    private static partial void LogPrepared(ILogger logger, long sgProjectId, string ayonName, int changeCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarting AYON so the new attributes {Attributes} take effect")]
    private static partial void LogRestarting(ILogger logger, string attributes);
}
