using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Mapping;
using AyonShotgrid.Grains.ShotGrid;

namespace AyonShotgrid.Grains.Entities;

/// <summary>Converts between the sync's <see cref="SgItem"/> and the <see cref="EntitySnapshot"/> sent to entity grains.</summary>
internal static class EntitySnapshots
{
    public static EntitySnapshot From(SgItem item) =>
        new(true, item.Code, item.Parent?.Type, item.Parent?.Id, item.AssetType, item.StepCode, item.Status, item.Problem,
            item.Assignees?.Select(a => new EntityRefSnapshot(a.Type, a.Id, a.Name)).ToList(),
            item.Tags,
            item.Attrib?.ToDictionary(a => a.Key, a => a.Value.ToJsonString(), StringComparer.Ordinal));

    public static SgItem? ToItem(EntitySnapshot snapshot, string type, long id) =>
        snapshot.Exists
            ? new SgItem(type, id, snapshot.Code, snapshot.ParentType is { } t && snapshot.ParentId is { } p ? new SgEntityRef(t, p) : null, snapshot.AssetType, snapshot.StepCode, snapshot.Status,
                Attrib: snapshot.AttribJson?.ToDictionary(a => a.Key, a => JsonNode.Parse(a.Value)!, StringComparer.Ordinal),
                Problem: snapshot.Problem,
                Assignees: snapshot.Assignees?.Select(a => new SgEntityRef(a.Type, a.Id, a.Name)).ToList(),
                Tags: snapshot.Tags)
            : null;
}
