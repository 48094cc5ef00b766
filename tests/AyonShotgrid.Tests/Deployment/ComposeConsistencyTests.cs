using System.Text.RegularExpressions;
using AyonShotgrid.Gateway.Hosting;
using AyonShotgrid.Grains.Options;

namespace AyonShotgrid.Tests.Deployment;

/// <summary>docker/docker-compose.yml and docker/.env.example must keep up with the configuration the code reads.</summary>
public sealed partial class ComposeConsistencyTests
{
    private static readonly string DockerDirectory = Path.Combine(RepositoryRoot(), "docker");
    private static readonly ComposeFile Compose = ComposeFile.Load(Path.Combine(DockerDirectory, "docker-compose.yml"));

    [Fact]
    public void Every_section_variable_maps_to_a_configuration_key_the_code_reads()
    {
        var unknown = Compose.Environments
            .Where(e => e.Key is "migrate" or "silo" or "gateway" || e.Key.StartsWith("x-", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Keys.Select(k => (Service: e.Key, Key: k)))
            .Where(e => e.Key.Contains("__", StringComparison.Ordinal) && !ConfigurationKeys.Known.Contains(e.Key))
            .Select(e => $"{e.Service}: {e.Key}")
            .ToList();

        Assert.True(Compose.Environments["silo"].Count > 5, "The parser found no silo environment; the compose layout changed.");
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_variable_the_compose_file_uses_is_listed_in_the_env_example()
    {
        var listed = File.ReadAllLines(Path.Combine(DockerDirectory, ".env.example"))
            .Select(l => EnvLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var missing = Compose.ReferencedVariables.Where(v => !listed.Contains(v)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(Compose.ReferencedVariables);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("silo", typeof(ShotGridOptions))]
    [InlineData("silo", typeof(AyonOptions))]
    [InlineData("silo", typeof(SyncOptions))]
    [InlineData("gateway", typeof(GatewayOptions))]
    public void Required_options_are_set_for_the_process_that_validates_them(string service, Type optionsType)
    {
        var environment = Compose.Environments[service];
        var required = ConfigurationKeys.RequiredFor(optionsType);

        // SyncOptions.DefaultTaskType has a code default, so [Required] there only forbids blanking it; still set it.
        var missing = required.Where(k => !environment.TryGetValue(k, out var v) || v.Length == 0).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Silos_and_gateway_share_the_cluster_identity_and_connection_string()
    {
        foreach (var key in new[] { "ConnectionStrings__Orleans", "Orleans__ClusterId", "Orleans__ServiceId" })
        {
            Assert.Equal(Compose.Environments["silo"][key], Compose.Environments["gateway"][key]);
            Assert.Equal(Compose.Environments["silo"][key], Compose.Environments["migrate"][key]);
        }

        // Each scaled replica must detect its own address.
        Assert.False(Compose.Environments["silo"].ContainsKey("Orleans__AdvertisedIP"));
    }

    [Fact]
    public void Known_keys_come_from_the_options_classes()
    {
        // Guards the reflection itself: if it found nothing, the other tests would pass vacuously.
        Assert.Contains("ShotGrid__ApiKey", ConfigurationKeys.Known);
        Assert.Contains("Sync__PollInterval", ConfigurationKeys.Known);
        Assert.Contains("Gateway__ApiKey", ConfigurationKeys.Known);
        Assert.DoesNotContain("Sync__NoSuchSetting", ConfigurationKeys.Known);
        Assert.Contains("Ayon__ApiKey", ConfigurationKeys.RequiredFor(typeof(AyonOptions)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AyonShotgrid.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AyonShotgrid.Orleans.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvLine();
}
