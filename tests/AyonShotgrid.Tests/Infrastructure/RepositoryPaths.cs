namespace AyonShotgrid.Tests.Infrastructure;

/// <summary>Where the repository and the built programs are, seen from the test assembly.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AyonShotgrid.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AyonShotgrid.Orleans.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The build output directory of a program under src/ in the configuration and framework the tests were built
    /// with (building the tests builds it: the test project references it).
    /// </summary>
    public static string BuildOutput(string srcProject)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Root(), "src", srcProject, "bin", tests.Parent!.Name, tests.Name);
    }
}
