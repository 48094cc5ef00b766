using System.Text.Json.Nodes;

namespace AyonShotgrid.Conformance;

/// <summary>
/// The AYON behaviours our clients and tests rely on, pinned as the real AYON 1.15.18 server shows them. One class,
/// two targets: <c>AyonShotgrid.Emulators.Ayon.Tests</c> runs it against our emulator (normal suite),
/// <c>AyonShotgrid.RealAyon.Tests</c> against the real server (scripts/test-real-ayon.sh). When the two disagree the
/// emulator is fixed, not the test. Each test makes its own project, so they also hold on a long-lived server.
/// </summary>
public abstract partial class AyonConformanceTests(AyonTarget target) : IDisposable
{
    protected AyonTarget Target { get; } = target;

    protected AyonCalls Ayon { get; } = target.Calls();

    public void Dispose()
    {
        Ayon.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static JsonNode J(string json) => JsonNode.Parse(json)!;

    /// <summary>Deploys a fresh project and returns its name.</summary>
    protected async Task<string> NewProjectAsync(string stem)
    {
        var (name, code) = ConformanceNames.Project(stem);
        await Ayon.DeployAsync(name, code);
        return name;
    }

    protected static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
}
