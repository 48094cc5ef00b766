using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>What products, versions and representations store alike: AYON answers these fields the same way for all three.</summary>
internal interface IPublishRecord
{
    string Id { get; }

    string Status { get; }

    IReadOnlyList<string> Tags { get; }

    JsonObject Attrib { get; }

    JsonObject Data { get; }

    bool Active { get; }

    DateTimeOffset CreatedAt { get; }

    DateTimeOffset UpdatedAt { get; }
}
