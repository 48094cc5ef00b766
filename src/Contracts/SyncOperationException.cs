namespace AyonShotgrid.Contracts;

/// <summary>What kind of failure a grain reports to its caller; the gateway turns it into an HTTP status.</summary>
[GenerateSerializer, Alias("ayonsg.sync-failure-kind.v1")]
public enum SyncFailureKind
{
    /// <summary>The ShotGrid project (or another named thing) does not exist.</summary>
    NotFound = 0,

    /// <summary>The two servers disagree in a way the sync will not guess its way out of.</summary>
    Conflict = 1,

    /// <summary>ShotGrid or AYON failed or could not be reached.</summary>
    Upstream = 2,

    /// <summary>The request itself is wrong.</summary>
    Invalid = 3,
}

/// <summary>A failure a grain reports across the cluster boundary, with a message fit for the user (never a secret).</summary>
[GenerateSerializer, Alias("ayonsg.sync-operation-exception.v1")]
public sealed class SyncOperationException : Exception
{
    public SyncOperationException(SyncFailureKind kind, string message)
        : base(message) => Kind = kind;

    [Id(0)]
    public SyncFailureKind Kind { get; }
}
