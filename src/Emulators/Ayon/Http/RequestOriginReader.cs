namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Reads x-sender / x-sender-type; invalid values fall back to the defaults, as the server's request context does.</summary>
internal static class RequestOriginReader
{
    public static RequestOrigin From(HttpContext http)
    {
        static string? Valid(string? value) =>
            value is not null && NamingRules.EntityName().IsMatch(value) ? value : null;

        var sender = Valid(http.Request.Headers["x-sender"].FirstOrDefault());
        var senderType = Valid(http.Request.Headers["x-sender-type"].FirstOrDefault()) ?? "api";
        return new RequestOrigin(sender, senderType, "service");
    }
}
