using System.Diagnostics;
using System.Text;
using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>A built program under src/ run as its own process (dotnet Program.dll in its build directory), its output collected.</summary>
public sealed class BuiltProgram : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private BuiltProgram(Process process) => _process = process;

    public static BuiltProgram Start(string srcProject, string assembly, IReadOnlyDictionary<string, string?> environment)
    {
        var directory = RepositoryPaths.BuildOutput(srcProject);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, assembly));

        // Nothing from the test run's own environment decides how the program is configured.
        foreach (var inherited in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("AYON", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var program = new BuiltProgram(Process.Start(start) ?? throw new InvalidOperationException($"{assembly} could not be started"));
        program._process.OutputDataReceived += (_, e) => program.Append(e.Data);
        program._process.ErrorDataReceived += (_, e) => program.Append(e.Data);
        program._process.BeginOutputReadLine();
        program._process.BeginErrorReadLine();
        return program;
    }

    public string Output
    {
        get { lock (_gate) { return _output.ToString(); } }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end; returns its exit code, or null when it was still running at the deadline.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        // The asynchronous readers may still hold the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as docker stop, a service manager or CI do.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
