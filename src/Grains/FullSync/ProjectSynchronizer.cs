using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Configuration;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.Options;
using AyonShotgrid.Grains.Prepare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Sync from ShotGrid: reads both sides, plans, and writes the plan in batches through AYON's operations endpoint.
/// Each batch is sent with canFail so one refused name does not roll back its neighbours; children of an entity
/// that failed are reported as failed without being sent.
/// </summary>
public sealed partial class ProjectSynchronizer(
    IAyonClient ayon,
    ShotGridProjectReader reader,
    ProjectPreparer preparer,
    Configuration.ProjectSettingsReader projectSettings,
    AttributeMapSource attributeMaps,
    IOptions<ShotGridOptions> sgOptions,
    IOptions<SyncOptions> syncOptions,
    ILogger<ProjectSynchronizer> logger)
{
    /// <summary>At most this many changes are listed in a job's result (the rest are counted), so its stored state stays small.</summary>
    public const int MaxListedChanges = 5000;

    /// <param name="dryRun">Plan only: list what would be created and changed, write nothing.</param>
    public async Task<SyncOutcome> RunAsync(long sgProjectId, string ayonProjectName, bool overrideDifferences, bool dryRun, IProgress<SyncProgress> progress, CancellationToken cancellationToken, string? hierarchyPreset = null)
    {
        var options = syncOptions.Value;
        void Phase(string phase, int percent) => progress.Report(new SyncProgress(phase, percent, SyncCounts.Zero, []));

        Phase("reading ShotGrid project", 1);

        // Side by side: against servers a round trip away, each of these one after another was a second of the sync. The
        // anatomy and the attribute map read each type's ShotGrid fields once between them.
        var schemas = reader.NewSchemaReads();
        var sgProjectRead = reader.ReadProjectAsync(sgProjectId, cancellationToken);
        var ayonProjectRead = dryRun
            ? ExistingProjectAsync(ayonProjectName, cancellationToken)
            : preparer.RefreshAnatomyAsync(ayonProjectName, cancellationToken, schemas);
        var attributesRead = attributeMaps.ResolveAsync(cancellationToken, schemas);
        await Task.WhenAll(sgProjectRead, ayonProjectRead, attributesRead);
        var (sgProject, ayonProject, attributes) = (sgProjectRead.Result, ayonProjectRead.Result, attributesRead.Result);
        var perProject = await projectSettings.ReadAsync(ayonProject.Name, cancellationToken, hierarchyPreset);

        // The folders and both AYON listings first, side by side; the tasks (four of five entities) after, a range at a
        // time: each range is planned and its creates sent while the next ones are read.
        Phase($"reading ShotGrid {string.Join(", ", SyncEntityTypes.FolderEntities)} entities and AYON folders and tasks", 3);
        var folderItemsRead = reader.ReadTypesAsync(sgProject, SyncEntityTypes.FolderEntities, cancellationToken, attributes);

        // Of AYON's attributes only those the plan compares are kept (the link and the mapped ones): every entity's
        // inherited attributes of a large project were tens of megabytes. Parsed off the job grain's thread.
        IReadOnlySet<string> compared = new HashSet<string>([NodeKeys.AttribId, NodeKeys.AttribType, .. attributes.Entries.Select(e => e.AyonAttribute)], StringComparer.Ordinal);
        var foldersRead = Task.Run(() => ayon.GetFoldersAsync(ayonProject.Name, cancellationToken, compared), cancellationToken);
        var tasksRead = Task.Run(() => ayon.GetTasksAsync(ayonProject.Name, cancellationToken, compared), cancellationToken);
        var site = sgOptions.Value.SiteName;
        var folderStage = PlanFoldersAsync();
        var run = new SyncRun(progress);
        var writer = new CreateWriter(run, options.BatchSize, options.WriteConcurrency,
            operations => SendAsync(ayonProject.Name, operations, cancellationToken),
            (sent, answer) => MadeMeanwhileAsync(ayonProject.Name, sent, answer, cancellationToken));
        var updates = new List<PlannedUpdate>();
        TaskPlanner? tasks = null;
        UserMap? users = null;
        var plannedCreates = 0;
        var foldersSent = Task.CompletedTask;
        try
        {
            // The folders' creates go out as soon as they are planned. The task read starts once the folders are read (they
            // have the ShotGrid requests to themselves until then) while AYON's listings are still read; its ranges are
            // taken once the folders' creates are out.
            foldersSent = SendFoldersAsync();
            await WhenDoneAsync(folderItemsRead);
            await reader.ReadTasksInOrderAsync(sgProject, attributes, async range =>
            {
                await foldersSent;
                tasks ??= (await folderStage).Tasks(keepRanges: false);

                // Users are read only once some task has assignees: one GraphQL page plus one read per user.
                if (users is null && range.Any(i => i.Assignees is { Count: > 0 }))
                {
                    users = UserMap.From(await ayon.GetUsersAsync(cancellationToken));
                }

                var (planner, taskUsers) = (tasks, users ?? UserMap.Empty);
                await TakeAsync(await Task.Run(() => planner.Plan(range, taskUsers), cancellationToken));
            }, cancellationToken);
            await foldersSent;
            writer.Phase = "creating AYON folders and tasks (all read)";
            if (!dryRun)
            {
                await writer.FinishAsync(cancellationToken);
            }
        }
        finally
        {
            // On a failure nothing is left running unobserved; the first failure is the one reported.
            await Task.WhenAny(foldersSent);
            await writer.AbandonAsync();
        }

        LogPlanned(logger, sgProjectId, ayonProject.Name, run.Counts.Total, plannedCreates, updates.Count, run.Counts.AlreadyPresent - run.FoundPresent);
        if (dryRun)
        {
            foreach (var change in updates.SelectMany(u => u.Changes ?? []))
            {
                run.Change(change);
            }

            run.Report("dry run: nothing written", 100);
            LogDryRun(logger, sgProjectId, ayonProject.Name, plannedCreates, updates.Count);
            return run.Outcome;
        }

        await WriteUpdatesAsync(ayonProject.Name, updates, run, options.BatchSize, cancellationToken);
        run.Report("done", 100);
        LogFinished(logger, sgProjectId, ayonProject.Name, run.Created, run.Updated, run.Failed);
        return run.Outcome;

        // Both sides' folders (and AYON's tasks, whose names the tasks' plan needs) read, the folders are planned, off
        // the job grain's thread: the answers of the creates already out are taken on it meanwhile.
        async Task<FolderStage> PlanFoldersAsync()
        {
            await Task.WhenAll(folderItemsRead, foldersRead, tasksRead);
            var input = new SyncPlanInput(
                folderItemsRead.Result,
                foldersRead.Result,
                tasksRead.Result,
                StatusMap.From(ayonProject.Statuses),
                ayonProject.TaskTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
                perProject.DefaultTaskType,
                DuplicateNamePolicies.Parse(perProject.DuplicateNamePolicy),
                overrideDifferences,
                key => AyonIds.For(site, ayonProject.Name, key),
                attributes,
                UserMap.Empty,
                perProject.Preset);
            return await Task.Run(() => HierarchyPlanner.PlanFolders(input), cancellationToken);
        }

        async Task SendFoldersAsync()
        {
            await TakeAsync((await folderStage).Plan);

            // The folders' last batch goes alone: a task's batch then never holds its own folder's create.
            await writer.FlushAsync(cancellationToken);
            writer.Phase = "creating AYON folders and tasks while reading ShotGrid tasks";
        }

        // One part of the plan: counted, and its creates sent (or, in a dry run, listed as the changes a real run would make).
        async Task TakeAsync(SyncPlan part)
        {
            run.Add(part);
            updates.AddRange(part.Updates);
            plannedCreates += part.Creates.Count;
            if (dryRun)
            {
                foreach (var create in part.Creates)
                {
                    run.Change(new SyncChange(create.SgType, create.SgId, create.AyonId, create.Name, SyncChangeFields.Create, null, create.Name));
                }
            }
            else
            {
                await writer.AddAsync(part.Creates, cancellationToken);
            }
        }
    }

    private static async Task WhenDoneAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Observed here; whoever awaits the task next reports its failure.
        }
    }

    private async Task<AyonProject> ExistingProjectAsync(string ayonProjectName, CancellationToken cancellationToken) =>
        await ayon.GetProjectAsync(ayonProjectName, cancellationToken)
        ?? throw new SyncSetupException($"AYON project '{ayonProjectName}' does not exist any more; run Prepare Project again.");

    /// <summary>
    /// Ids of creates refused as duplicates (409) that do exist in AYON now. The id is derived from the ShotGrid entity, so
    /// whoever made it (the leecher racing this sync, or an earlier attempt whose answer was lost) made this same entity.
    /// </summary>
    private async Task<IReadOnlySet<string>> MadeMeanwhileAsync(
        string project, IReadOnlyList<PlannedCreate> sent, AyonOperationsResponse response, CancellationToken cancellationToken)
    {
        var duplicates = sent
            .Where((c, i) => i < response.Operations.Count && response.Operations[i] is { Success: false, Status: 409 })
            .ToList();
        if (duplicates.Count == 0)
        {
            return new HashSet<string>();
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in duplicates.GroupBy(c => c.AyonEntityType))
        {
            found.UnionWith(await ayon.GetExistingIdsAsync(project, group.Key, group.Select(c => c.AyonId).ToList(), cancellationToken));
        }

        LogMadeMeanwhile(logger, project, found.Count, duplicates.Count);
        return found;
    }

    private async Task WriteUpdatesAsync(string project, IReadOnlyList<PlannedUpdate> updates, SyncRun run, int batchSize, CancellationToken cancellationToken)
    {
        foreach (var batch in updates.Chunk(batchSize))
        {
            var operations = batch.Select((u, i) => new AyonOperation($"op{i}", "update", u.AyonEntityType, u.AyonId, u.Data)).ToList();
            var response = await SendAsync(project, operations, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var result = i < response.Operations.Count ? response.Operations[i] : null;
                if (result is { Success: true })
                {
                    if (!batch[i].IsLink)
                    {
                        run.Updated++;
                    }

                    foreach (var change in batch[i].Changes ?? [])
                    {
                        run.Change(change);
                    }
                }
                else
                {
                    run.Fail(batch[i].SgType, batch[i].SgId, batch[i].Name, AyonOutcomes.Describe(result));
                }
            }

            run.Report("updating AYON entities that differ", 0);
        }
    }

    private async Task<AyonOperationsResponse> SendAsync(string project, IReadOnlyList<AyonOperation> operations, CancellationToken cancellationToken)
    {
        try
        {
            return await ayon.SendOperationsAsync(project, operations, canFail: true, cancellationToken);
        }
        catch (AyonException e)
        {
            throw new AyonException($"AYON did not accept a batch of {operations.Count} operations: {e.Message}", e.Status, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync plan for ShotGrid project {SgProjectId} → AYON '{AyonName}': {Total} entities, {Creates} to create, {Updates} to update, {Present} already present")]
    private static partial void LogPlanned(ILogger logger, long sgProjectId, string ayonName, int total, int creates, int updates, int present);

    [LoggerMessage(Level = LogLevel.Information, Message = "AYON project '{AyonName}': {Found} of {Duplicates} creates refused as duplicates were made meanwhile by another writer (the leecher or an earlier attempt) and count as already present")]
    private static partial void LogMadeMeanwhile(ILogger logger, string ayonName, int found, int duplicates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run of ShotGrid project {SgProjectId} → AYON '{AyonName}': would create {Creates} and update {Updates} entities; nothing written")]
    private static partial void LogDryRun(ILogger logger, long sgProjectId, string ayonName, int creates, int updates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of ShotGrid project {SgProjectId} → AYON '{AyonName}' wrote {Created} creates, {Updated} updates, {Failed} failures")]
    private static partial void LogFinished(ILogger logger, long sgProjectId, string ayonName, int created, int updated, int failed);
}
