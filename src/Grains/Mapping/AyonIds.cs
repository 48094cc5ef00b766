using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Grains.Mapping;

/// <summary>
/// Ids for AYON entities the sync creates: 32 lowercase hex characters derived from the site and the node key.
/// The same ShotGrid entity always gets the same AYON id, so a batch retried after a lost answer (or a sync racing
/// the leecher) fails with a duplicate instead of creating a second copy.
/// </summary>
public static class AyonIds
{
    public static string For(string site, string project, string nodeKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{site}\n{project}\n{nodeKey}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
