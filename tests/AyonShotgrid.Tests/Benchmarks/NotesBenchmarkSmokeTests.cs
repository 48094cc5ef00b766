using System.Text.Json;
using AyonShotgrid.Benchmarks;

namespace AyonShotgrid.Tests.Benchmarks;

/// <summary>The notes scenario at a tiny size, so it cannot rot: every note and reply becomes a comment, live notes are seen. No figure is judged.</summary>
public sealed class NotesBenchmarkSmokeTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"ayonsg-notes-smoke-{Guid.NewGuid():N}");

    [Fact]
    public async Task ATinyNotesRunBringsEveryNoteAndReplyAndSeesTheLiveNotes()
    {
        var options = BenchOptions.Parse(["--notes", "120", "--note-rate", "20", "--note-seconds", "1", "--poll-interval", "00:00:00.2", "--out", _output])
            with { Deadline = TimeSpan.FromMinutes(3) };

        var result = await BenchRunner.RunNotesAsync(options, "smoke", CancellationToken.None);

        var step = result.Step;
        Assert.Equal((120, 30), (step.Notes, step.Replies));
        Assert.Equal("succeeded", step.JobState);
        Assert.Equal(150, step.CommentsExpected);
        Assert.Equal(step.CommentsExpected, step.CommentsInAyon);
        Assert.True(step.StepSeconds > 0 && step.StepSeconds <= step.SyncWallSeconds);
        Assert.True(step.ShotGridRequestKinds.ContainsKey("POST /api/v1/entity/notes/_search"));
        Assert.True(step.AyonRequests >= step.CommentsExpected, $"{step.AyonRequests} AYON requests for {step.CommentsExpected} comments");
        Assert.Equal(20, result.Stream.NotesCreated);
        Assert.Equal(result.Stream.NotesCreated, result.Stream.VisibleInAyon);
        Assert.True(result.Stream.LatencyP99Ms >= result.Stream.LatencyP50Ms);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "latest-notes.json")));
        Assert.Equal(120, json.RootElement.GetProperty("step").GetProperty("notes").GetInt32());
        Assert.Contains("Notes step wall time", await File.ReadAllTextAsync(Path.Combine(_output, "latest-notes.md")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
