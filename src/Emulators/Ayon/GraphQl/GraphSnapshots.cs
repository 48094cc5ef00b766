using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Builds GraphQL node snapshots from stored rows. Callers hold the store lock.</summary>
internal static partial class GraphSnapshots
{
    public static FolderNode Folder(ProjectState p, AttributeRegistry attributes, FolderRecord f)
    {
        var own = f.Attrib; // parsed from the row's JSON text: once
        var attrib = AttribResolver.Resolve(p, attributes, "folder", own, f.ParentId);
        return new FolderNode(
            f.Id, f.Name, f.Label, f.FolderType, f.ParentId, "/" + p.FolderPath(f.Id), f.Status, f.Tags, f.Active,
            own.Select(a => a.Key).ToList(), attrib, SortedJson(attrib), DataString(f.Data), p.ChildFolders(f.Id).Any(), p.TasksOf(f.Id).Any(),
            IsoTime.Format(f.CreatedAt), IsoTime.Format(f.UpdatedAt));
    }

    public static TaskNode Task(ProjectState p, AttributeRegistry attributes, TaskRecord t)
    {
        var own = t.Attrib; // parsed from the row's JSON text: once
        var attrib = AttribResolver.Resolve(p, attributes, "task", own, t.FolderId);
        return new TaskNode(
            t.Id, t.Name, t.Label, t.TaskType, t.FolderId, t.Status, t.Tags, t.Assignees, t.Active,
            own.Select(a => a.Key).ToList(), attrib, SortedJson(attrib), DataString(t.Data),
            IsoTime.Format(t.CreatedAt), IsoTime.Format(t.UpdatedAt));
    }

    public static EventNode Event(EventRecord e) => new(
        e.Id, e.Hash, e.Topic, e.Project, e.User, e.Sender, e.DependsOn, e.Status, e.Retries, e.Description,
        e.Summary.ToJsonString(JsonFields.Wire), e.Payload.ToJsonString(JsonFields.Wire), IsoTime.Format(e.CreatedAt), IsoTime.Format(e.UpdatedAt));

    /// <summary>The real server's allAttrib string has its keys in alphabetical order.</summary>
    internal static string SortedJson(JsonObject o) =>
        new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString(JsonFields.Wire);

    /// <summary>Entities without data give null, not "{}" (measured).</summary>
    internal static string? DataString(JsonObject data) => data.Count == 0 ? null : data.ToJsonString(JsonFields.Wire);
}
