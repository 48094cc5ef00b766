using System.Security.Cryptography;
using System.Text;

namespace AyonShotgrid.Grains.Notes;

/// <summary>
/// The AYON activity id of a ShotGrid Note or Reply on one AYON entity: derived, not random, so the same note on the same
/// entity always names the same activity. A replayed event, a restart between the create and its bookkeeping, or a full
/// sync after the leecher all find the activity (AYON answers 409) instead of writing a second one.
/// </summary>
public static class CommentIds
{
    public static string Of(string site, string shotgridType, long shotgridId, string ayonEntityId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ayonsg-comment:{site}:{shotgridType}:{shotgridId}:{ayonEntityId}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
