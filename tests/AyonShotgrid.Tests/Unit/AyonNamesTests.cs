
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Tests.Unit;

public sealed class AyonNamesTests
{
    [Theory]
    [InlineData("sh010", "sh010")]
    [InlineData("Sh 010 (v2)", "Sh_010_v2")]
    [InlineData("  leading and trailing  ", "leading_and_trailing")]
    [InlineData("Ünïcødé Straße", "Unicode_Strasse")]
    [InlineData("***", "")]
    public void SlugifyKeepsLettersDigitsAndCase(string input, string expected) => Assert.Equal(expected, AyonNames.Slugify(input));

    [Fact]
    public void AnAlreadyValidProjectNameIsKeptWithoutANote()
    {
        var (name, note) = AyonNames.ProjectName("demo_2026", 1);

        Assert.Equal("demo_2026", name);
        Assert.Null(note);
    }

    [Fact]
    public void AProjectNameTooLongForAyonIsCutAndExplained()
    {
        var (name, note) = AyonNames.ProjectName(new string('x', 80), 1);

        Assert.Equal(AyonNames.MaxProjectNameLength, name.Length);
        Assert.NotNull(note);
    }

    [Fact]
    public void LabelsLoseOnlyTheCharactersAyonRefuses() =>
        Assert.Equal("Bob\u2019s shot, final", AyonNames.Label("Bob's shot; final"));

    [Fact]
    public void ACodeStartingWithADigitIsNotAProjectCode()
    {
        var (code, note) = AyonNames.ProjectCode("2026show", "Show", "code");

        Assert.True(AyonNames.IsValidProjectCode(code));
        Assert.NotNull(note);
    }
}
