using System.Collections.Frozen;

namespace AyonShotgrid.Grains.Sync;

/// <summary>
/// Latin letters with diacritics → ASCII ("Écran" → "Ecran", "Straße" → "Strasse"). A fixed table on purpose: names
/// must come out the same on every machine and .NET version, or a second sync would not recognise its own folders —
/// Unicode normalisation depends on the ICU library present (and is absent in invariant-globalization mode).
/// </summary>
public static class Transliteration
{
    private static readonly FrozenDictionary<char, string> Table = Build();

    /// <summary>The ASCII spelling of a character, or null when it has none here.</summary>
    public static string? ToAscii(char ch) => char.IsAscii(ch) ? ch.ToString() : Table.GetValueOrDefault(ch);

    private static FrozenDictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string chars, string ascii)
        {
            foreach (var c in chars)
            {
                map[c] = ascii;
            }
        }

        Add("ÀÁÂÃÄÅĀĂĄǍ", "A");
        Add("àáâãäåāăąǎª", "a");
        Add("ÇĆĈĊČ", "C");
        Add("çćĉċč", "c");
        Add("ĎĐ", "D");
        Add("ďđ", "d");
        Add("ÈÉÊËĒĔĖĘĚ", "E");
        Add("èéêëēĕėęě", "e");
        Add("ĜĞĠĢ", "G");
        Add("ĝğġģ", "g");
        Add("ĤĦ", "H");
        Add("ĥħ", "h");
        Add("ÌÍÎÏĨĪĬĮİǏ", "I");
        Add("ìíîïĩīĭįıǐ", "i");
        Add("Ĵ", "J");
        Add("ĵ", "j");
        Add("Ķ", "K");
        Add("ķ", "k");
        Add("ĹĻĽĿŁ", "L");
        Add("ĺļľŀł", "l");
        Add("ÑŃŅŇ", "N");
        Add("ñńņňŉ", "n");
        Add("ÒÓÔÕÖØŌŎŐǑ", "O");
        Add("òóôõöøōŏőǒº", "o");
        Add("ŔŖŘ", "R");
        Add("ŕŗř", "r");
        Add("ŚŜŞŠȘ", "S");
        Add("śŝşšș", "s");
        Add("ŢŤŦȚ", "T");
        Add("ţťŧț", "t");
        Add("ÙÚÛÜŨŪŬŮŰŲǓ", "U");
        Add("ùúûüũūŭůűųǔ", "u");
        Add("Ŵ", "W");
        Add("ŵ", "w");
        Add("ÝŶŸ", "Y");
        Add("ýÿŷ", "y");
        Add("ŹŻŽ", "Z");
        Add("źżž", "z");
        Add("Æ", "AE");
        Add("æ", "ae");
        Add("Œ", "OE");
        Add("œ", "oe");
        Add("ß", "ss");
        Add("Þ", "TH");
        Add("þ", "th");
        Add("Ð", "D");
        Add("ð", "d");
        return map.ToFrozenDictionary();
    }
}
