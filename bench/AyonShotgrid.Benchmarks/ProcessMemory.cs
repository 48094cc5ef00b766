using System.Diagnostics;

namespace AyonShotgrid.Benchmarks;

/// <summary>Peak resident set (Linux VmHWM from /proc; the peak working set elsewhere).</summary>
public static class ProcessMemory
{
    public static long PeakRssBytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kb))
            {
                return kb * 1024;
            }
        }

        using var process = Process.GetProcessById(pid);
        return process.PeakWorkingSet64;
    }
}
