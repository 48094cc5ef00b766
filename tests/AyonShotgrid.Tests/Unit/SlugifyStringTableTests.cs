
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Tests.Unit;

/// <summary>
/// <see cref="AyonNames.Slugify"/> against ayon_api.utils.slugify_string (ayon-python-api), whose names studios coming
/// from ayon-shotgrid already have in AYON. Every expected value below is what that function returned (Python, with
/// unidecode 1.3.6) for the input, with the arguments ayon-shotgrid passes: min_length=0 for folder codes, the default
/// (1) for task contents, category folders lower-cased.
/// </summary>
public sealed class SlugifyStringTableTests
{
    [Theory]
    [InlineData("sh010", "sh010", "sh010")]
    [InlineData("FX & Crowd's", "FX_Crowds", "FX__Crowds")]
    [InlineData("Sh 010 (v2)", "Sh_010_v2", "Sh_010_v2")]
    [InlineData("sh010.v2", "sh010_v2", "sh010_v2")]
    [InlineData("a--b", "a_b", "a__b")]
    [InlineData("a - b", "a_b", "a___b")]
    [InlineData("  lead  ", "lead", "__lead__")]
    [InlineData("a&b", "ab", "ab")]
    [InlineData("100%", "100", "100")]
    [InlineData("a(b)c", "abc", "abc")]
    [InlineData("tab\there", "tabhere", "tabhere")]
    [InlineData("x=y+z", "x_y_z", "x_y_z")]
    [InlineData("\"quoted\"", "quoted", "quoted")]
    [InlineData("Écran Noir", "Ecran_Noir", "Ecran_Noir")]
    [InlineData("Straße", "Strasse", "Strasse")]
    [InlineData("naïve café", "naive_cafe", "naive_cafe")]
    [InlineData("Ñandú", "Nandu", "Nandu")]
    [InlineData("Þór", "Thor", "Thor")]
    [InlineData("Zoë’s", "Zoes", "Zoes")]
    [InlineData("“quoted”", "quoted", "quoted")]
    [InlineData("Ørsted–Bay", "Orsted_Bay", "Orsted_Bay")]
    [InlineData("em—dash", "em_dash", "em__dash")]
    [InlineData("non\u00a0breaking", "non_breaking", "non_breaking")]
    [InlineData("½ way", "1_2_way", "_1_2_way")]
    [InlineData("x²", "x2", "x2")]
    [InlineData("€uro", "EURuro", "EURuro")]
    [InlineData("Москва", "Moskva", "Moskva")]
    [InlineData("Щука ёж", "Shchuka_iozh", "Shchuka_iozh")]
    [InlineData("Αθήνα", "Athena", "Athena")]
    [InlineData("***", "", "___")]
    public void MatchesSlugifyString(string input, string expected, string expectedMinLength0)
    {
        Assert.Equal(expected, AyonNames.Slugify(input));
        Assert.Equal(expectedMinLength0, AyonNames.Slugify(input, minWordLength: 0));
    }

    [Theory]
    [InlineData("FX & Crowd's", "fx_crowds")]
    [InlineData("Matte Painting", "matte_painting")]
    [InlineData("Character (hero)", "character_hero")]
    [InlineData("Véhicule", "vehicule")]
    public void CategoryFoldersAreTheLowerCaseSlugOfTheAssetType(string assetType, string expected) =>
        Assert.Equal(expected, AyonNames.CategoryName(assetType));

    [Fact]
    public void ACodeOfOnlyCharactersThatAreDroppedFallsBackToTheTypeAndId() =>
        Assert.Equal("shot_42", AyonNames.EntityName("&%()", "Shot", 42));
}
