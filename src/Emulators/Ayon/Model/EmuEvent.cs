using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A stored event; <see cref="Summary"/> and <see cref="Payload"/> are copies.</summary>
public sealed record EmuEvent(
    string Id, string Topic, string Hash, string? Project, string Description, JsonObject Summary, JsonObject Payload,
    string? Sender, string? SenderType);
