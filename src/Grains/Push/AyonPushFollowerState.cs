namespace AyonShotgrid.Grains.Push;

/// <summary>Persisted state of the site's push follower: only whether it should run (the cursors live in the push grains).</summary>
[GenerateSerializer, Alias("ayonsg.push-follower-state.v1")]
public sealed class AyonPushFollowerState
{
    [Id(0)] public bool Running { get; set; }
}
