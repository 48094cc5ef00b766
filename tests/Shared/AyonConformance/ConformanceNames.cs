namespace AyonShotgrid.Conformance;

/// <summary>
/// Names no other test (or earlier run against the same server) uses: project names are global on a server, and
/// a real server lives across tests.
/// </summary>
public static class ConformanceNames
{
    public static (string Name, string Code) Project(string stem)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return ($"conf_{stem}_{run}", $"c{run}");
    }

    public static string Attribute(string stem) => $"conf{stem}{Guid.NewGuid().ToString("N")[..8]}";
}
