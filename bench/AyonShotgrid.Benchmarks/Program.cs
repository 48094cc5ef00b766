namespace AyonShotgrid.Benchmarks;

/// <summary>Entry point: <c>serve-cluster</c> is the child process; anything else is a benchmark run (see <see cref="BenchOptions.Usage"/>).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [ServeCluster.Verb])
        {
            return await ServeCluster.RunAsync();
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var command = "AyonShotgrid.Benchmarks " + string.Join(' ', args.Select(a => a.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "<connection string>" : a));
        if (options.PushEntities > 0)
        {
            await BenchRunner.RunPushAsync(options, cts.Token);
            Console.WriteLine($"Written: {Path.Combine(options.OutputDirectory, "latest-push.json")}");
            return 0;
        }

        if (options.Notes > 0)
        {
            var notes = await BenchRunner.RunNotesAsync(options, command, cts.Token);
            Console.WriteLine();
            Console.WriteLine(NotesReport.Render(notes));
            Console.WriteLine($"Written: {Path.Combine(options.OutputDirectory, "latest-notes.json")} and latest-notes.md");
            return 0;
        }

        var result = await BenchRunner.RunAsync(options, command, cts.Token);
        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Render(result));
        Console.WriteLine($"Written: {Path.Combine(options.OutputDirectory, "latest.json")} and latest.md");
        return 0;
    }
}
