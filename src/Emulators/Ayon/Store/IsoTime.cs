using System.Globalization;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Timestamps as the server prints them: ISO 8601 with microseconds and an explicit offset.</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
