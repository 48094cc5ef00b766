using System.Text.Json.Nodes;

namespace AyonShotgrid.Grains.Push;

/// <summary>AYON tags → ShotGrid <c>tags</c> (Tag links by name; the list replaces ShotGrid's, as AYON's list is the whole truth).</summary>
public static class PushTagField
{
    public const string SgField = "tags";

    /// <param name="created">Created this round: its tags are pushed whether or not they changed since.</param>
    public static PushField? For(string id, IReadOnlyList<string>? tags, PushWork work, bool created)
    {
        if (tags is null || !(created ? tags.Count > 0 : work.Changed(id, "tags_changed")))
        {
            return null;
        }

        var (old, at) = work.BeforeNode(id, "tags_changed");
        var oldNames = old is JsonArray list ? list.Select(n => n?.ToString()).OfType<string>() : [];
        return new PushField(
            SgField, PushField.Set(oldNames), PushField.Set(tags), at,
            r => r is null ? null : PushField.Set(r.GetLinks(SgField).Select(l => l.Name ?? l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => null)
        {
            TagNames = [.. tags.Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>The <c>tags</c> value once the round knows the Tags' ids (a Tag ShotGrid refused to create is left out).</summary>
    public static JsonArray Links(IReadOnlyList<string> names, IReadOnlyDictionary<string, long> tagIds) =>
        new([.. names.Where(tagIds.ContainsKey).Select(n => new JsonObject { ["type"] = ShotGridTags.Type, ["id"] = tagIds[n] })]);
}
