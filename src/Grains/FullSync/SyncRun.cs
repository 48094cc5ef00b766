using AyonShotgrid.Contracts.Models;

using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Counters and issues of one run, reported after every batch. The plan comes in parts (the folders, then each range of
/// tasks as it is read); totals and issues are the parts' together.
/// </summary>
internal sealed class SyncRun(IProgress<SyncProgress> progress)
{
    private const int ReadingShare = 10;

    private readonly List<SyncIssue> _issues = [];
    private readonly List<SyncChange> _changes = [];
    private List<SyncIssue>? _reportedIssues;
    private int _changesOmitted;
    private int _work;
    private int _links;
    private int _total;
    private int _alreadyPresent;
    private int _skipped;
    private int _unreadable;

    public int Created { get; set; }

    public int Updated { get; set; }

    /// <summary>Planned creates another writer made before this run's batch arrived.</summary>
    public int FoundPresent { get; set; }

    public int Failed { get; private set; }

    public SyncOutcome Outcome => new(Counts, _issues, _changes, _changesOmitted);

    public SyncCounts Counts => new(_total, Created, _alreadyPresent + FoundPresent, Updated, _skipped, _unreadable + Failed);

    /// <summary>One more part of the plan: its entities, issues and work count from now on.</summary>
    public void Add(SyncPlan part)
    {
        _total += part.Total;
        _alreadyPresent += part.AlreadyPresent;
        _skipped += part.Skipped;
        _unreadable += part.Unreadable;
        _issues.AddRange(part.Issues);
        _work += part.Creates.Count + part.Updates.Count;
        _links += part.Updates.Count(u => u.IsLink);
    }

    public void Change(SyncChange change)
    {
        if (_changes.Count < ProjectSynchronizer.MaxListedChanges)
        {
            _changes.Add(change);
        }
        else
        {
            _changesOmitted++;
        }
    }

    public void Fail(string type, long id, string name, string reason)
    {
        Failed++;
        _issues.Add(new SyncIssue(SyncIssueKinds.Failed, type, id, name, reason));
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
