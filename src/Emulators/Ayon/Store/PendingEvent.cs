using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>An event a write wants to emit; stored only if the write commits.</summary>
internal sealed record PendingEvent(string Topic, string Description, JsonObject Summary, JsonObject Payload);
