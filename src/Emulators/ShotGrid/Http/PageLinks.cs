using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>List <c>links</c>: <c>self</c> echoes the request, <c>next</c> is on every page (even empty), <c>prev</c> from page 2.</summary>
internal static class PageLinks
{
    public static JsonObject ForList(HttpContext ctx, int number, int size)
    {
        var path = ctx.Request.Path.Value ?? "";
        var others = ctx.Request.Query.Where(q => q.Key is not ("page[number]" or "page[size]"))
            .Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()));
        var links = new JsonObject { ["self"] = path + ctx.Request.QueryString.Value, ["next"] = Build(path, others, number + 1, size) };
        if (number > 1)
        {
            links["prev"] = Build(path, others, number - 1, size);
        }

        return links;
    }

    public static JsonObject ForSearch(HttpContext ctx, int number, int size)
    {
        var path = ctx.Request.Path.Value ?? "";
        var links = new JsonObject { ["self"] = path, ["next"] = Build(path, [], number + 1, size) };
        if (number > 1)
        {
            links["prev"] = Build(path, [], number - 1, size);
        }

        return links;
    }

    private static string Build(string path, IEnumerable<KeyValuePair<string, string>> others, int number, int size)
    {
        var pairs = others.Append(KeyValuePair.Create("page[number]", number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("page[size]", size.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value));
        return path + "?" + string.Join('&', pairs);
    }
}
