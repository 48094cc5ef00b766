namespace AyonShotgrid.Conformance;

/// <summary>
/// An AYON server the conformance tests talk to: our emulator or the real server. The tests see only its URL and
/// API key, so whatever they pin holds for both.
/// </summary>
public abstract class AyonTarget : IAsyncLifetime
{
    /// <summary>"emulator" or "real"; shown in assertion messages.</summary>
    public abstract string Name { get; }

    /// <summary>Root URL with a trailing slash.</summary>
    public abstract Uri BaseUrl { get; }

    public abstract string ApiKey { get; }

    /// <summary>A client that sends this target's API key unless told otherwise.</summary>
    public AyonCalls Calls() => new(BaseUrl, ApiKey);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
