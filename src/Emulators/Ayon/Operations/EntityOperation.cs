using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>One item of an operations request.</summary>
/// <param name="Force">The operation's <c>force</c> flag: a folder update may then move or rename a folder with published versions.</param>
internal sealed record EntityOperation(string Id, string Type, string EntityType, string? EntityId, JsonObject? Data, bool Force = false);
