namespace AyonShotgrid.Emulators.Ayon;

/// <summary>The GraphQL snapshot fields products, versions and representations share (see <see cref="PublishGraphFields"/>).</summary>
internal interface IPublishNode
{
    string Status { get; }

    IReadOnlyList<string> Tags { get; }

    bool Active { get; }

    string AllAttrib { get; }

    string? Data { get; }

    string CreatedAt { get; }

    string UpdatedAt { get; }
}
