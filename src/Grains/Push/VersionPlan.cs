using System.Globalization;
using System.Text.Json.Nodes;
using AyonShotgrid.Contracts.Models;
using AyonShotgrid.Grains.Ayon;
using AyonShotgrid.Grains.ShotGrid;
using AyonShotgrid.Grains.Mapping;

namespace AyonShotgrid.Grains.Push;

/// <summary>
/// The ShotGrid fields of a pushed version and its PublishedFiles: <c>code</c> <c>&lt;product&gt;_v###</c>, <c>entity</c>
/// (the folder's ShotGrid entity), <c>sg_task</c>, the frame range from the version or else its folder, <c>user</c> when
/// the author is linked (<c>data.sg_user_id</c>), <c>description</c> from the version comment, and the status.
/// </summary>
public sealed class VersionPlan(PushCatalog catalog, PushEntities entities, IReadOnlyDictionary<string, long> users, List<SyncIssue> issues)
{
    public string Code(AyonVersion v) => $"{v.ProductName}_{v.Name}";

    /// <summary>The create's fields, or null (reported) when the version's folder is not a ShotGrid entity.</summary>
    public JsonObject? Create(AyonVersion v)
    {
        if (!entities.Refs.TryGetValue(v.FolderId, out var parent) || parent.Type == SyncEntityTypes.Task)
        {
            issues.Add(new SyncIssue("skipped", PushTargets.Version, 0, Code(v), "its folder is not a ShotGrid entity (or was not created)"));
            return null;
        }

        var data = new JsonObject
        {
            ["project"] = Link(catalog.Project),
            ["code"] = Code(v),
            ["entity"] = Link(parent),
            [PushTargets.AyonIdField] = v.Id,
        };
        if (v.TaskId is { } taskId && entities.Refs.TryGetValue(taskId, out var task))
        {
            data["sg_task"] = Link(task);
        }

        if (v.Author is { } author && users.TryGetValue(author, out var userId))
        {
            data["user"] = Link(new SgEntityRef("HumanUser", userId));
        }

        foreach (var (field, value) in Update(v))
        {
            data[field] = value?.DeepClone();
        }

        return data;
    }

    /// <summary>What a change in AYON can alter: status, description, frame range.</summary>
    public JsonObject Update(AyonVersion v)
    {
        var data = new JsonObject();
        if (catalog.SgStatus(PushTargets.Version, v.Status) is { } code)
        {
            data["sg_status_list"] = code;
        }

        if (v.Attrib.GetValueOrDefault("comment") is { Length: > 0 } comment)
        {
            data["description"] = comment;
        }

        var (first, last) = (Frame(v, "frameStart"), Frame(v, "frameEnd"));
        if (first is not null && last is not null)
        {
            data["sg_first_frame"] = first;
            data["sg_last_frame"] = last;
            data["frame_range"] = $"{first}-{last}";
        }

        return data;
    }

    public JsonObject PublishedFile(AyonVersion v, AyonRepresentation r, long sgVersionId, long? typeId)
    {
        var data = new JsonObject
        {
            ["project"] = Link(catalog.Project),
            ["code"] = Path.GetFileName(r.Path) is { Length: > 0 } file ? file : r.Name,
            ["name"] = r.Name,
            ["path"] = new JsonObject { ["local_path"] = r.Path },
            ["version"] = Link(new SgEntityRef(PushTargets.Version, sgVersionId)),
            ["version_number"] = v.Number,
            [PushTargets.AyonIdField] = r.Id,
        };
        if (entities.Refs.TryGetValue(v.FolderId, out var parent))
        {
            data["entity"] = Link(parent);
        }

        if (v.TaskId is { } taskId && entities.Refs.TryGetValue(taskId, out var task))
        {
            data["task"] = Link(task);
        }

        if (typeId is { } id)
        {
            data["published_file_type"] = Link(new SgEntityRef(PushTargets.PublishedFileType, id));
        }

        return data;
    }

    /// <summary>The version's own frame, else its folder's (inherited) one.</summary>
    private long? Frame(AyonVersion v, string attribute)
    {
        var text = v.Attrib.GetValueOrDefault(attribute)
            ?? (entities.Folders.TryGetValue(v.FolderId, out var folder) ? folder.Attrib.GetValueOrDefault(attribute) : null);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame) ? frame : null;
    }

    private static JsonObject Link(SgEntityRef r) => new() { ["type"] = r.Type, ["id"] = r.Id };
}
