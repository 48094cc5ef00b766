using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// <c>PUT</c> / <c>PATCH /api/users/{name}</c> with the server's answers (<c>api/users/users.py</c>): 409 "User already
/// exists", 404 "User {name} not found", no passwords on service users. Callers hold the store lock.
/// </summary>
internal static partial class UserWriter
{
    private const string PostModel = "NewUserModel";
    private const string PatchModel = "UserPatchModel";

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_\.\-]*[a-zA-Z0-9]$")]
    private static partial Regex UserName();

    public static void Create(AyonStore store, string name, JsonObject body, DateTimeOffset now)
    {
        CheckName(name);
        if (store.UserTable.ContainsKey(name))
        {
            throw AyonProblem.Conflict("User already exists");
        }

        var data = JsonFields.GetObject(body, "data", PostModel) ?? [];
        data["createdBy"] = "service";
        var hasPassword = !string.IsNullOrEmpty(JsonFields.GetString(body, "password", PostModel));
        var user = new UserRecord(name, EntityFieldRules.WithoutNulls(JsonFields.GetObject(body, "attrib", PostModel) ?? []),
            EntityFieldRules.WithoutNulls(data), JsonFields.GetBool(body, "active", PostModel) ?? true, hasPassword, now, now);
        if (hasPassword && user.IsService)
        {
            throw AyonProblem.BadRequest("Service users cannot have passwords");
        }

        store.UserTable[name] = user;
    }

    public static void Update(AyonStore store, string name, JsonObject body, DateTimeOffset now)
    {
        var old = Find(store, name);
        var data = JsonFields.GetObject(body, "data", PatchModel) ?? [];
        data["updatedBy"] = "service";
        store.UserTable[name] = old with
        {
            Attrib = JsonFields.MergeOneLevel(old.Attrib, JsonFields.GetObject(body, "attrib", PatchModel) ?? []),
            Data = JsonFields.MergeOneLevel(old.Data, data),
            Active = JsonFields.GetBool(body, "active", PatchModel) ?? old.Active,
            UpdatedAt = now,
        };
    }

    public static UserRecord Find(AyonStore store, string name)
    {
        CheckName(name);
        return store.UserTable.GetValueOrDefault(name) ?? throw AyonProblem.NotFound($"User {name} not found");
    }

    private static void CheckName(string name)
    {
        if (!UserName().IsMatch(name))
        {
            throw AyonProblem.InvalidData(PostModel, "user_name", $"string does not match regex \"{UserName()}\"", "value_error.str.regex");
        }
    }
}
