using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.FullSync;

/// <summary>
/// Sends a run's creates in batches as they are planned, up to <c>concurrency</c> batches at once. Creates come parents
/// before children, so a batch only waits for in-flight batches that create its parents; answers are taken in batch
/// order, so a child is sent only once its parent's outcome is known, and children of a create that failed are failed
/// unsent. Batches are filled across calls (a range of tasks rarely ends on a batch's edge), so the request count is
/// that of one list sent at once.
/// </summary>
internal sealed class CreateWriter(
    SyncRun run, int batchSize, int concurrency,
    Func<IReadOnlyList<AyonOperation>, Task<AyonOperationsResponse>> send,
    Func<IReadOnlyList<PlannedCreate>, AyonOperationsResponse, Task<IReadOnlySet<string>>> madeMeanwhile)
{
    private readonly HashSet<string> _failedKeys = new(StringComparer.Ordinal);
    private readonly Queue<SentBatch> _inFlight = new();
    private readonly List<PlannedCreate> _pending = [];

    /// <summary>What the run is doing, as each batch's progress report says.</summary>
    public string Phase { get; set; } = "creating AYON folders and tasks";

    /// <summary>Sends every full batch the creates make (the rest waits for more, or <see cref="FlushAsync"/>).</summary>
    public async Task AddAsync(IReadOnlyList<PlannedCreate> creates, CancellationToken cancellationToken)
    {
        _pending.AddRange(creates);
        var sent = 0;
        while (_pending.Count - sent >= batchSize)
        {
            await SendBatchAsync(_pending.GetRange(sent, batchSize), cancellationToken);
            sent += batchSize;
        }

        _pending.RemoveRange(0, sent);
    }

    /// <summary>Sends what is left as a batch of its own (so the next creates start a batch of their own).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            var last = _pending.ToList();
            _pending.Clear();
            await SendBatchAsync(last, cancellationToken);
        }
    }

    /// <summary>Sends what is left and takes every answer.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        while (_inFlight.Count > 0)
        {
            await TakeAnswerAsync(_inFlight.Dequeue());
        }
    }

    /// <summary>
    /// After a failure: waits for the batches still out (not left running unobserved). What they made is found present
    /// when the job tries again.
    /// </summary>
    public async Task AbandonAsync()
    {
        while (_inFlight.TryDequeue(out var left))
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

    private async Task SendBatchAsync(List<PlannedCreate> batch, CancellationToken cancellationToken)
    {
        while (_inFlight.Count >= concurrency || _inFlight.Any(f => batch.Any(c => c.ParentKey is { } p && f.Keys.Contains(p))))
        {
            await TakeAnswerAsync(_inFlight.Dequeue());
        }

        var sendable = new List<PlannedCreate>(batch.Count);
        foreach (var create in batch)
        {
            if (create.ParentKey is not null && _failedKeys.Contains(create.ParentKey))
            {
                FailUnderFailedParent(create);
            }
            else
            {
                sendable.Add(create);
            }
        }

        if (sendable.Count == 0)
        {
            run.Report(Phase, 0);
            return;
        }

        // Payloads are built, serialised and the answer parsed on the thread pool: the job grain's one thread would
        // otherwise do that work for every batch in flight in turn.
        var answer = Task.Run(
            () => send(sendable.Select((c, i) => new AyonOperation($"op{i}", "create", c.AyonEntityType, c.AyonId, c.Data)).ToList()),
            cancellationToken);
        _inFlight.Enqueue(new SentBatch(sendable, sendable.Select(c => c.Key).ToHashSet(StringComparer.Ordinal), answer));
    }

    private void FailUnderFailedParent(PlannedCreate create)
    {
        _failedKeys.Add(create.Key);
        run.Fail(create.SgType, create.SgId, create.Name, $"not created because its parent {create.ParentKey} could not be created");
    }

    private async Task TakeAnswerAsync(SentBatch sent)
    {
        var response = await sent.Answer;
        var made = await madeMeanwhile(sent.Creates, response);
        for (var i = 0; i < sent.Creates.Count; i++)
        {
            var create = sent.Creates[i];
            var result = i < response.Operations.Count ? response.Operations[i] : null;
            if (result is { Success: true })
            {
                run.Created++;
            }
            else if (made.Contains(create.AyonId))
            {
                run.FoundPresent++;
            }
            else if (create.ParentKey is not null && _failedKeys.Contains(create.ParentKey))
            {
                FailUnderFailedParent(create);
            }
            else
            {
                _failedKeys.Add(create.Key);
                run.Fail(create.SgType, create.SgId, create.Name, AyonOutcomes.Describe(result));
            }
        }

        run.Report(Phase, 0);
    }

    private sealed record SentBatch(IReadOnlyList<PlannedCreate> Creates, IReadOnlySet<string> Keys, Task<AyonOperationsResponse> Answer);
}

/// <summary>How an operation's outcome reads in the run's issues.</summary>
internal static class AyonOutcomes
{
    public static string Describe(AyonOperationResult? result) => result is null
        ? "AYON did not report a result for this operation"
        : $"AYON refused it ({result.Status}{(result.ErrorCode is null ? "" : " " + result.ErrorCode)}): {result.Detail ?? "no detail"}";
}
