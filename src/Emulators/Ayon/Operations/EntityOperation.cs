using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>One item of an operations request.</summary>
internal sealed record EntityOperation(string Id, string Type, string EntityType, string? EntityId, JsonObject? Data);
