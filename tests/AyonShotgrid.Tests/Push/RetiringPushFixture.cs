using AyonShotgrid.Tests.Infrastructure;

namespace AyonShotgrid.Tests.Push;

/// <summary>The push with <c>Push:RetireDeleted</c> on: a deletion in AYON retires the ShotGrid entity.</summary>
public sealed class RetiringPushFixture : PushFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Push:RetireDeleted"] = "true" };
}

[CollectionDefinition(Name)]
public sealed class RetiringPushCollection : ICollectionFixture<RetiringPushFixture>
{
    public const string Name = "push-retiring";
}
