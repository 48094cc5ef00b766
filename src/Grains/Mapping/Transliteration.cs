using System.Collections.Frozen;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Characters → ASCII the way unidecode (which ayon_api.utils.slugify_string uses) spells them, for Latin letters with
/// diacritics ("Écran" → "Ecran", "Straße" → "Strasse"), Cyrillic, Greek, and the spaces, dashes and signs whose
/// spelling decides how a slug splits. Other scripts (CJK, Arabic, Hebrew, …) are not in it: their characters are
/// dropped, where unidecode would spell them out. A fixed table on purpose: names
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
        Add("Þ", "Th");
        Add("þ", "th");
        Add("Ð", "D");
        Add("ð", "d");
        map['Ĳ'] = "IJ";
        map['ĳ'] = "ij";
        map['Ǆ'] = "DZ";
        map['ǅ'] = "Dz";
        map['ǆ'] = "dz";
        map['ſ'] = "s";
        map['ẞ'] = "Ss";
        AddCyrillic(map);
        AddGreek(map);
        AddPunctuation(map);
        return map.ToFrozenDictionary();
    }

    /// <summary>Russian, Ukrainian and Belarusian letters, spelled as unidecode spells them (Щ → Shch, Ё → Io, Ь and Ъ → ').</summary>
    private static void AddCyrillic(Dictionary<char, string> map)
    {
        string[] upper = ["A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "I", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "'", "Y", "'", "E", "Iu", "Ia"];
        for (var i = 0; i < upper.Length; i++)
        {
            // А..Я and а..я are two runs of 32 letters in alphabetical order.
            map[(char)('А' + i)] = upper[i];
            map[(char)('а' + i)] = upper[i].ToLowerInvariant();
        }

        map['Ё'] = "Io";
        map['ё'] = "io";
        map['Є'] = "Ie";
        map['є'] = "ie";
        map['І'] = "I";
        map['і'] = "i";
        map['Ї'] = "Yi";
        map['ї'] = "yi";
        map['Ґ'] = "G'";
        map['ґ'] = "g'";
        map['Ў'] = "U";
        map['ў'] = "u";
    }

    /// <summary>Greek letters, with and without tonos, spelled as unidecode spells them (Θ → Th, Η → E, Ξ → Ks but ξ → x).</summary>
    private static void AddGreek(Dictionary<char, string> map)
    {
        (string Upper, string Lower, string Ascii)[] letters =
        [
            ("ΑΆ", "αά", "A"), ("Β", "β", "B"), ("Γ", "γ", "G"), ("Δ", "δ", "D"), ("ΕΈ", "εέ", "E"), ("Ζ", "ζ", "Z"),
            ("ΗΉ", "ηή", "E"), ("Θ", "θ", "Th"), ("ΙΊΪ", "ιίϊΐ", "I"), ("Κ", "κ", "K"), ("Λ", "λ", "L"), ("Μ", "μ", "M"),
            ("Ν", "ν", "N"), ("Ο", "οό", "O"), ("Ό", "", "O"), ("Π", "π", "P"), ("Ρ", "ρ", "R"), ("Σ", "σς", "S"),
            ("Τ", "τ", "T"), ("ΥΎΫ", "υύϋΰ", "U"), ("Φ", "φ", "Ph"), ("Χ", "χ", "Kh"), ("Ψ", "ψ", "Ps"), ("ΩΏ", "ωώ", "O"),
        ];
        foreach (var (upper, lower, ascii) in letters)
        {
            foreach (var c in upper)
            {
                map[c] = ascii;
            }

            foreach (var c in lower)
            {
                map[c] = ascii.ToLowerInvariant();
            }
        }

        map['Ξ'] = "Ks";
        map['ξ'] = "x";
        map['ΐ'] = "I";
    }

    /// <summary>
    /// Spaces, dashes and signs whose ASCII spelling decides whether they separate words ("–" → "-", a no-break space
    /// → " ") or add letters ("€" → "EUR", "²" → "2"). Quotes come out as quotes, which a slug drops.
    /// </summary>
    private static void AddPunctuation(Dictionary<char, string> map)
    {
        foreach (var space in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000")
        {
            map[space] = " ";
        }

        foreach (var dash in "\u2010\u2011\u2012\u2013\u2212")
        {
            map[dash] = "-";
        }

        map['\u2014'] = "--";
        map['\u2015'] = "--";
        map['\u2018'] = "'";
        map['\u2019'] = "'";
        map['\u201a'] = ",";
        map['\u201c'] = "\"";
        map['\u201d'] = "\"";
        map['\u201e'] = ",,";
        map['\u2026'] = "...";
        map['\u00ab'] = "<<";
        map['\u00bb'] = ">>";
        map['\u00d7'] = "x";
        map['\u00f7'] = "/";
        map['\u00bc'] = " 1/4";
        map['\u00bd'] = " 1/2";
        map['\u00be'] = " 3/4";
        map['\u00b9'] = "1";
        map['\u00b2'] = "2";
        map['\u00b3'] = "3";
        map['\u20ac'] = "EUR";
        map['\u00a3'] = "PS";
        map['\u00a9'] = "(c)";
        map['\u00ae'] = "(r)";
        map['\u2122'] = "(tm)";
        map['\u00b0'] = "deg";
        map['\u00b7'] = "*";
        map['\u2022'] = "*";
        map['\u00a7'] = "SS";
        map['\u00b5'] = "u";
        map['\u00bf'] = "?";
        map['\u00a1'] = "!";
    }
}
