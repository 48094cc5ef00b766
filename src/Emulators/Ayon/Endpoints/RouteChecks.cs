namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Path parameter checks shared by the routes.</summary>
internal static class RouteChecks
{
    /// <summary>Path ids must match <c>^[0-9a-f]{32}$</c>; the server answers 400 otherwise.</summary>
    public static string EntityId(string id) =>
        NamingRules.EntityId().IsMatch(id)
            ? id
            : throw AyonProblem.InvalidData("path", "id", "string does not match regex \"^[0-9a-f]{32}$\"", "value_error.str.regex");

    /// <summary>Case-insensitive lookup. Caller holds the store lock.</summary>
    public static ProjectState Project(AyonStore store, string name) =>
        store.ProjectTable.GetValueOrDefault(name) ?? throw AyonProblem.NotFound($"Project {name} not found");
}
