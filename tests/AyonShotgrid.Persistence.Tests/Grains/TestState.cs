namespace AyonShotgrid.Persistence.Tests.Grains;

[GenerateSerializer, Alias("persistence-tests.test-state.v1")]
public sealed class TestState
{
    [Id(0)] public string Value { get; set; } = "";

    [Id(1)] public int Writes { get; set; }

    [Id(2)] public List<string> History { get; set; } = [];
}
