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
    private const int ReadingShare = 10;

    /// <summary>At most this many changes are listed in a job's result (the rest are counted), so its stored state stays small.</summary>
    public const int MaxListedChanges = 5000;

    /// <param name="dryRun">Plan only: list what would be created and changed, write nothing.</param>
    public async Task<SyncOutcome> RunAsync(long sgProjectId, string ayonProjectName, bool overrideDifferences, bool dryRun, IProgress<SyncProgress> progress, CancellationToken cancellationToken, string? hierarchyPreset = null)
    {
        var options = syncOptions.Value;
        void Phase(string phase, int percent) => progress.Report(new SyncProgress(phase, percent, SyncCounts.Zero, []));

        Phase("reading ShotGrid project", 1);

        // Side by side: against servers a round trip away, each of these one after another was a second of the sync.
        var sgProjectRead = reader.ReadProjectAsync(sgProjectId, cancellationToken);
        var ayonProjectRead = dryRun
            ? ExistingProjectAsync(ayonProjectName, cancellationToken)
            : preparer.RefreshAnatomyAsync(ayonProjectName, cancellationToken);
        var attributesRead = attributeMaps.ResolveAsync(cancellationToken);
        await Task.WhenAll(sgProjectRead, ayonProjectRead, attributesRead);
        var (sgProject, ayonProject, attributes) = (sgProjectRead.Result, ayonProjectRead.Result, attributesRead.Result);
        var perProject = await projectSettings.ReadAsync(ayonProject.Name, cancellationToken, hierarchyPreset);

        // Both sides are read at once; the folders first and apart from the tasks (four of five entities), so their
        // creates can be planned and sent while the tasks are still being read.
        Phase($"reading ShotGrid {string.Join(", ", SyncEntityTypes.FolderEntities.Append(SyncEntityTypes.Task))} entities and AYON folders and tasks", 3);
        var folderItemsRead = reader.ReadTypesAsync(sgProject, SyncEntityTypes.FolderEntities, cancellationToken, attributes);

        // The tasks only once the folders are in: both share the bound on ShotGrid requests, and read together the
        // folders finished with the tasks, too late for their creates to overlap anything.
        var taskItemsRead = ReadTasksAfterAsync(folderItemsRead, sgProject, attributes, cancellationToken);
        var foldersRead = ayon.GetFoldersAsync(ayonProject.Name, cancellationToken);
        var tasksRead = ayon.GetTasksAsync(ayonProject.Name, cancellationToken);
        var site = sgOptions.Value.SiteName;
        SyncPlan PlanOf(IReadOnlyList<SgItem> items, IReadOnlyList<AyonFolder> folders, IReadOnlyList<AyonTask> tasks, UserMap users) =>
            HierarchyPlanner.Plan(new SyncPlanInput(
                items,
                folders,
                tasks,
                StatusMap.From(ayonProject.Statuses),
                ayonProject.TaskTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
                perProject.DefaultTaskType,
                DuplicateNamePolicies.Parse(perProject.DuplicateNamePolicy),
                overrideDifferences,
                key => AyonIds.For(site, ayonProject.Name, key),
                attributes,
                users,
                perProject.Preset));

        var writes = new CreateStream();
        RunState? run = null;
        Task earlyCreates = Task.CompletedTask;
        if (!dryRun)
        {
            // The folders' plan alone decides their creates exactly as the whole plan will (tasks are planned under
            // their folders, in names of their own), so those creates go out now; the whole plan then sends the rest.
            await Task.WhenAll(folderItemsRead, foldersRead);
            var folderPlan = await Task.Run(() => PlanOf(folderItemsRead.Result, foldersRead.Result, [], UserMap.Empty), cancellationToken);
            run = new RunState(folderPlan, progress);
            earlyCreates = WriteCreatesAsync(ayonProject.Name, folderPlan.Creates, run, options.BatchSize, writes, cancellationToken);
        }

        SyncPlan plan;
        try
        {
            await Task.WhenAll(folderItemsRead, taskItemsRead, foldersRead, tasksRead);
            IReadOnlyList<SgItem> items = [.. folderItemsRead.Result, .. taskItemsRead.Result];

            // Users are read only when some task has assignees: one GraphQL page plus one read per user.
            var users = items.Any(i => i.Assignees is { Count: > 0 }) ? UserMap.From(await ayon.GetUsersAsync(cancellationToken)) : UserMap.Empty;

            Phase("planning", 9);
            // Off the job grain's thread: the early creates' answers are taken on it meanwhile.
            plan = await Task.Run(() => PlanOf(items, foldersRead.Result, tasksRead.Result, users), cancellationToken);
            LogPlanned(logger, sgProjectId, ayonProject.Name, plan.Total, plan.Creates.Count, plan.Updates.Count, plan.AlreadyPresent);
        }
        finally
        {
            // The early creates are never left running unobserved (a read failure fails the run once they are done).
            await WhenDoneAsync(earlyCreates);
        }

        await earlyCreates;
        if (run is null)
        {
            run = new RunState(plan, progress);
        }
        else
        {
            run.UsePlan(plan);
        }

        if (dryRun)
        {
            // Nothing is written: the result is the plan, as the changes a real run would make.
            foreach (var create in plan.Creates)
            {
                run.Change(new SyncChange(create.SgType, create.SgId, create.AyonId, create.Name, SyncChangeFields.Create, null, create.Name));
            }

            foreach (var change in plan.Updates.SelectMany(u => u.Changes ?? []))
            {
                run.Change(change);
            }

            run.Report("dry run: nothing written", 100);
            LogDryRun(logger, sgProjectId, ayonProject.Name, plan.Creates.Count, plan.Updates.Count);
            return run.Outcome;
        }

        await WriteCreatesAsync(ayonProject.Name, plan.Creates, run, options.BatchSize, writes, cancellationToken);
        await WriteUpdatesAsync(ayonProject.Name, plan.Updates, run, options.BatchSize, cancellationToken);
        run.Report("done", 100);
        LogFinished(logger, sgProjectId, ayonProject.Name, run.Created, run.Updated, run.Failed);
        return run.Outcome;
    }

    private async Task<IReadOnlyList<SgItem>> ReadTasksAfterAsync(Task folders, SgProjectInfo sgProject, ResolvedAttributeMap attributes, CancellationToken cancellationToken)
    {
        await folders;
        return await reader.ReadTypesAsync(sgProject, [SyncEntityTypes.Task], cancellationToken, attributes);
    }

    private async Task<AyonProject> ExistingProjectAsync(string ayonProjectName, CancellationToken cancellationToken) =>
        await ayon.GetProjectAsync(ayonProjectName, cancellationToken)
        ?? throw new SyncSetupException($"AYON project '{ayonProjectName}' does not exist any more; run Prepare Project again.");

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

    /// <summary>The creates of one run: what was sent, what is still out, and what failed (its children fail unsent).</summary>
    private sealed class CreateStream
    {
        public HashSet<string> FailedKeys { get; } = new(StringComparer.Ordinal);

        public HashSet<string> SentKeys { get; } = new(StringComparer.Ordinal);

        public Queue<SentBatch> InFlight { get; } = new();
    }

    /// <summary>
    /// Sends the creates in batches, up to <see cref="SyncOptions.WriteConcurrency"/> at once. The plan lists parents
    /// before children (breadth-first), so a batch only waits for in-flight batches that create its parents; answers are
    /// taken in batch order, so a child is sent only once its parent's outcome is known and counts come out the same.
    /// Creates the stream already sent (the folders sent early) are left out; their batches still out are waited for
    /// like any other when a child needs them.
    /// </summary>
    private async Task WriteCreatesAsync(string project, IReadOnlyList<PlannedCreate> creates, RunState run, int batchSize, CreateStream stream, CancellationToken cancellationToken)
    {
        var failedKeys = stream.FailedKeys;
        var inFlight = stream.InFlight;
        var concurrency = syncOptions.Value.WriteConcurrency;
        try
        {
            foreach (var batch in creates.Where(c => !stream.SentKeys.Contains(c.Key)).Chunk(batchSize))
            {
                stream.SentKeys.UnionWith(batch.Select(c => c.Key));
                while (inFlight.Count >= concurrency || inFlight.Any(f => batch.Any(c => c.ParentKey is { } p && f.Keys.Contains(p))))
                {
                    await TakeAnswerAsync(project, inFlight.Dequeue(), failedKeys, run, cancellationToken);
                }

                var sendable = new List<PlannedCreate>();
                foreach (var create in batch)
                {
                    if (create.ParentKey is not null && failedKeys.Contains(create.ParentKey))
                    {
                        FailUnderFailedParent(create, failedKeys, run);
                    }
                    else
                    {
                        sendable.Add(create);
                    }
                }

                if (sendable.Count > 0)
                {
                    // Payloads are built, serialised and the answer parsed on the thread pool: the job grain's one thread
                    // would otherwise do that work for every batch in flight in turn.
                    var answer = Task.Run(
                        () => SendAsync(project, sendable.Select((c, i) => new AyonOperation($"op{i}", "create", c.AyonEntityType, c.AyonId, c.Data)).ToList(), cancellationToken),
                        cancellationToken);
                    inFlight.Enqueue(new SentBatch(sendable, sendable.Select(c => c.Key).ToHashSet(StringComparer.Ordinal), answer));
                }
                else
                {
                    run.Report("creating AYON folders and tasks", 0);
                }
            }

            while (inFlight.Count > 0)
            {
                await TakeAnswerAsync(project, inFlight.Dequeue(), failedKeys, run, cancellationToken);
            }
        }
        finally
        {
            // An outage fails the run; the batches still out are waited for (not left running unobserved). What they
            // made is found present when the job tries again.
            foreach (var left in inFlight)
            {
                try
                {
                    await left.Answer;
                }
                catch (Exception)
                {
                    // The first failure is the one reported.
                }
            }
        }
    }

    private static void FailUnderFailedParent(PlannedCreate create, HashSet<string> failedKeys, RunState run)
    {
        failedKeys.Add(create.Key);
        run.Fail(create.SgType, create.SgId, create.Name, $"not created because its parent {create.ParentKey} could not be created");
    }

    private sealed record SentBatch(IReadOnlyList<PlannedCreate> Creates, IReadOnlySet<string> Keys, Task<AyonOperationsResponse> Answer);

    private async Task TakeAnswerAsync(string project, SentBatch sent, HashSet<string> failedKeys, RunState run, CancellationToken cancellationToken)
    {
        var response = await sent.Answer;
        var madeMeanwhile = await MadeMeanwhileAsync(project, sent.Creates, response, cancellationToken);
        for (var i = 0; i < sent.Creates.Count; i++)
        {
            var create = sent.Creates[i];
            var result = i < response.Operations.Count ? response.Operations[i] : null;
            if (result is { Success: true })
            {
                run.Created++;
            }
            else if (madeMeanwhile.Contains(create.AyonId))
            {
                run.FoundPresent++;
            }
            else if (create.ParentKey is not null && failedKeys.Contains(create.ParentKey))
            {
                FailUnderFailedParent(create, failedKeys, run);
            }
            else
            {
                failedKeys.Add(create.Key);
                run.Fail(create.SgType, create.SgId, create.Name, Describe(result));
            }
        }

        run.Report("creating AYON folders and tasks", 0);
    }

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

    private async Task WriteUpdatesAsync(string project, IReadOnlyList<PlannedUpdate> updates, RunState run, int batchSize, CancellationToken cancellationToken)
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
                    run.Fail(batch[i].SgType, batch[i].SgId, batch[i].Name, Describe(result));
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

    private static string Describe(AyonOperationResult? result) => result is null
        ? "AYON did not report a result for this operation"
        : $"AYON refused it ({result.Status}{(result.ErrorCode is null ? "" : " " + result.ErrorCode)}): {result.Detail ?? "no detail"}";

    /// <summary>Counters and issues of one run, reported after every batch.</summary>
    private sealed class RunState(SyncPlan plan, IProgress<SyncProgress> progress)
    {
        private readonly List<SyncIssue> _failures = [];
        private readonly List<SyncChange> _changes = [];
        private List<SyncIssue> _issues = [.. plan.Issues];
        private int _changesOmitted;
        private int _work = plan.Creates.Count + plan.Updates.Count;
        private int _links = plan.Updates.Count(u => u.IsLink);

        /// <summary>
        /// The whole plan, once the folders' plan has been written from: its issues and totals are the run's (they
        /// include the folders'), and what was counted meanwhile stays counted.
        /// </summary>
        public void UsePlan(SyncPlan whole)
        {
            plan = whole;
            _issues = [.. whole.Issues, .. _failures];
            _reportedIssues = null;
            _work = whole.Creates.Count + whole.Updates.Count;
            _links = whole.Updates.Count(u => u.IsLink);
        }

        private List<SyncIssue>? _reportedIssues;

        public int Created { get; set; }

        public int Updated { get; set; }

        /// <summary>Planned creates another writer made before this run's batch arrived.</summary>
        public int FoundPresent { get; set; }

        public int Failed { get; private set; }

        public IReadOnlyList<SyncIssue> Issues => _issues;

        public SyncOutcome Outcome => new(Counts, _issues, _changes, _changesOmitted);

        public void Change(SyncChange change)
        {
            if (_changes.Count < MaxListedChanges)
            {
                _changes.Add(change);
            }
            else
            {
                _changesOmitted++;
            }
        }

        public SyncCounts Counts => new(plan.Total, Created, plan.AlreadyPresent + FoundPresent, Updated, plan.Skipped, plan.Unreadable + Failed);

        public void Fail(string type, long id, string name, string reason)
        {
            Failed++;
            var issue = new SyncIssue(SyncIssueKinds.Failed, type, id, name, reason);
            _failures.Add(issue);
            _issues.Add(issue);
        }

        public void Report(string phase, int percent)
        {
            var done = Created + FoundPresent + Updated + Failed + _links;
            var value = percent > 0 ? percent : _work == 0 ? 99 : ReadingShare + (int)((100 - ReadingShare - 1) * Math.Min(1.0, (double)done / _work));

            // The issue list is immutable once reported (the job keeps it), so it is only copied when it grew.
            if (_reportedIssues is null || _reportedIssues.Count != _issues.Count)
            {
                _reportedIssues = [.. _issues];
            }

            progress.Report(new SyncProgress(phase, value, Counts, _reportedIssues));
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
