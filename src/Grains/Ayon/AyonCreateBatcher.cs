using System.Collections.Concurrent;
using AyonShotgrid.Grains.Options;
using Microsoft.Extensions.Options;

namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// Group commit for the leecher's creates: entity grains each create one entity, and the creates of one AYON project
/// that arrive while its requests are in flight go together in the next <c>/operations</c> request (canFail, so
/// each keeps its own result, as if sent alone). A create is sent at once while fewer than <see cref="MaxInFlight"/>
/// requests of the project are out: no added wait, and a slow answer does not hold every other create back.
/// One per silo; the grains' semantics (one entity, deterministic id, their own handling of a refusal) are unchanged.
/// </summary>
public sealed class AyonCreateBatcher(IAyonClient ayon, IOptions<SyncOptions> options)
{
    /// <summary>Requests of one project at once; one alone made the round trip the limit when batches stayed small.</summary>
    public const int MaxInFlight = 4;

    private readonly ConcurrentDictionary<string, ProjectQueue> _projects = new(StringComparer.Ordinal);

    /// <summary>Sends one operation in the project's next batch; its result, or null when AYON reported none for it.</summary>
    public Task<AyonOperationResult?> SendAsync(string project, AyonOperation operation)
    {
        var queue = _projects.GetOrAdd(project, static p => new ProjectQueue(p));
        var pending = new Pending(operation, new TaskCompletionSource<AyonOperationResult?>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (queue)
        {
            queue.Waiting.Add(pending);
            start = queue.InFlight < MaxInFlight;
            if (start)
            {
                queue.InFlight++;
            }
        }

        if (start)
        {
            // Off the calling grain's scheduler: the loop serves every grain of the project.
            _ = Task.Run(() => DrainAsync(queue));
        }

        return pending.Result.Task;
    }

    private async Task DrainAsync(ProjectQueue queue)
    {
        var max = options.Value.BatchSize;
        while (true)
        {
            List<Pending> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.InFlight--;
                    return;
                }

                batch = queue.Waiting.Take(max).ToList();
                queue.Waiting.RemoveRange(0, batch.Count);
            }

            try
            {
                var operations = batch.Select((p, i) => p.Operation with { Id = $"op{i}" }).ToList();
                var response = await ayon.SendOperationsAsync(queue.Project, operations, canFail: true, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(i < response.Operations.Count ? response.Operations[i] with { Id = batch[i].Operation.Id } : null);
                }
            }
            catch (Exception e)
            {
                // An outage fails every create of the batch; each grain stops at its event and the poll delivers it again.
                foreach (var p in batch)
                {
                    p.Result.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(AyonOperation Operation, TaskCompletionSource<AyonOperationResult?> Result);

    private sealed class ProjectQueue(string project)
    {
        public string Project { get; } = project;

        public List<Pending> Waiting { get; } = [];

        /// <summary>Send loops running for the project (each sends a batch, then the next while creates wait).</summary>
        public int InFlight { get; set; }
    }
}
