using System.Diagnostics;

namespace AyonShotgrid.ScaleOut.Tests.Infrastructure;

/// <summary>
/// One silo or gateway as a real OS process (<c>dotnet X.dll</c>), configured by environment variables only, with
/// stdout and stderr going to files so a failure can show what the process said.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(string name, Process process, Uri httpUrl, string stdoutPath, string stderrPath)
    {
        Name = name;
        _process = process;
        HttpUrl = httpUrl;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
    }

    public string Name { get; }

    public Uri HttpUrl { get; }

    public string StdoutPath { get; }

    public string StderrPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string name, string dll, int httpPort, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var stdout = Path.Combine(logDirectory, $"{name}.out.log");
        var stderr = Path.Combine(logDirectory, $"{name}.err.log");

        // exec: the shell becomes dotnet, so the pid we hold (and SIGKILL) is the host itself; the shell only redirects.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" >\"$1\" 2>\"$2\"");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(stdout);
        start.ArgumentList.Add(stderr);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        return new HostProcess(name, process, new Uri($"http://127.0.0.1:{httpPort}/"), stdout, stderr);
    }

    /// <summary>SIGKILL: no graceful shutdown, no membership update, activations simply vanish.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, as docker stop sends, then waits for the process to end: the silo leaves the cluster cleanly.</summary>
    public bool Stop(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit();
        }

        return _process.WaitForExit(timeout);
    }

    public string Stdout() => ReadShared(StdoutPath);

    /// <summary>The last lines of both streams, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        static IEnumerable<string> Last(string text, int n) => text.Split('\n').TakeLast(n);
        var exit = _process.HasExited ? $"exited with {_process.ExitCode}" : "running";
        return $"----- {Name} (pid {Pid}, {exit}) stdout tail -----{Environment.NewLine}{string.Join('\n', Last(ReadShared(StdoutPath), lines))}" +
            $"{Environment.NewLine}----- {Name} stderr tail -----{Environment.NewLine}{string.Join('\n', Last(ReadShared(StderrPath), lines / 2))}";
    }

    public void Dispose()
    {
        try
        {
            KillHard();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
