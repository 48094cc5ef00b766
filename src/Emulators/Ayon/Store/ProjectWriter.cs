using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Project create (deploy and raw PUT), patch and delete. Callers hold the store lock.</summary>
internal static class ProjectWriter
{
    private const string Model = "ProjectModel";

    /// <summary><c>POST /api/projects</c>: anatomy in snake_case, the built-in one when none is given.</summary>
    public static ProjectState Deploy(AyonStore store, JsonObject body, RequestOrigin origin)
    {
        var name = JsonFields.GetString(body, "name", Model)
            ?? throw AyonProblem.InvalidData(Model, "name", "field required", "value_error.missing");
        var code = JsonFields.GetString(body, "code", Model)
            ?? throw AyonProblem.InvalidData(Model, "code", "field required", "value_error.missing");
        var existing = store.ProjectTable.Values.FirstOrDefault(p =>
            p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || p.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            throw AyonProblem.Conflict($"Project {existing.Name} ({existing.Code}) already exists");
        }

        CheckIdentifiers(name, code);
        var anatomy = JsonFields.GetObject(body, "anatomy", Model) ?? DefaultAnatomy.Create();
        var builtin = DefaultAnatomy.Create();
        JsonArray? Section(string key) => (anatomy[key] ?? builtin[key]) as JsonArray;
        var project = NewProject(store, name, code, JsonFields.GetString(body, "label", Model));
        project.Library = JsonFields.GetBool(body, "library", Model) ?? false;
        project.FolderTypes = AnatomyItems.WithDefaults(Section("folder_types"), AnatomyItems.FolderTypeDefaults());
        project.TaskTypes = AnatomyItems.WithDefaults(Section("task_types"), AnatomyItems.TaskTypeDefaults());
        project.Statuses = AnatomyItems.WithDefaults(Section("statuses"), AnatomyItems.StatusDefaults());
        project.Tags = AnatomyItems.WithDefaults(Section("tags"), AnatomyItems.TagDefaults());
        project.Attrib = ProjectAttrib(store, anatomy["attributes"] as JsonObject);
        return Add(store, project, origin);
    }

    /// <summary><c>PUT /api/projects/{name}</c>: camelCase lists; at least one folder type, task type and status.</summary>
    public static ProjectState Put(AyonStore store, string name, JsonObject body, RequestOrigin origin)
    {
        if (!NamingRules.ProjectName().IsMatch(name))
        {
            throw AyonProblem.InvalidData(Model, "project_name", $"string does not match regex \"{NamingRules.ProjectName()}\"", "value_error.str.regex");
        }

        if (store.ProjectTable.TryGetValue(name, out var existing))
        {
            throw AyonProblem.Conflict($"Project {existing.Name} already exists");
        }

        var code = JsonFields.GetString(body, "code", Model)
            ?? throw AyonProblem.InvalidData(Model, "code", "field required", "value_error.missing");
        CheckIdentifiers(name, code);
        var project = NewProject(store, name, code, JsonFields.GetString(body, "label", Model));
        ApplyFields(store, project, body);
        if (project.FolderTypes.Count == 0 || project.TaskTypes.Count == 0 || project.Statuses.Count == 0)
        {
            throw new AyonProblem(500, "Project must have at least one folder type, task type and status");
        }

        return Add(store, project, origin);
    }

    public static void Patch(AyonStore store, ProjectState project, JsonObject body)
    {
        AnatomyInUse.EnsureKept(project, body);
        if (JsonFields.TryGet(body, "code", out var code) && code is not null)
        {
            project.Code = JsonFields.GetString(body, "code", Model)!;
        }

        if (JsonFields.Has(body, "label"))
        {
            project.Label = JsonFields.GetString(body, "label", Model);
        }

        ApplyFields(store, project, body);
        project.UpdatedAt = store.Time.GetUtcNow();
    }

    private static void ApplyFields(AyonStore store, ProjectState project, JsonObject body)
    {
        if (JsonFields.Get(body, "folderTypes") is JsonArray folderTypes)
        {
            project.FolderTypes = AnatomyItems.StoredAsSent(folderTypes);
        }

        if (JsonFields.Get(body, "taskTypes") is JsonArray taskTypes)
        {
            project.TaskTypes = AnatomyItems.StoredAsSent(taskTypes);
        }

        if (JsonFields.Get(body, "statuses") is JsonArray statuses)
        {
            project.Statuses = AnatomyItems.StoredAsSent(statuses);
        }

        if (JsonFields.Get(body, "tags") is JsonArray tags)
        {
            project.Tags = AnatomyItems.StoredAsSent(tags);
        }

        if (JsonFields.Get(body, "linkTypes") is JsonArray linkTypes)
        {
            project.LinkTypes = (JsonArray)linkTypes.DeepClone();
        }

        if (JsonFields.GetObject(body, "attrib", Model) is { } attrib)
        {
            project.Attrib = JsonFields.MergeOneLevel(project.Attrib, store.Attributes.FilterForWrite(attrib, "project", Model));
        }

        if (JsonFields.GetObject(body, "data", Model) is { } data)
        {
            project.Data = JsonFields.MergeOneLevel(project.Data, data);
        }

        if (JsonFields.GetObject(body, "config", Model) is { } config)
        {
            project.Config = JsonFields.MergeOneLevel(project.Config, config);
        }

        project.Library = JsonFields.GetBool(body, "library", Model) ?? project.Library;
        project.Active = JsonFields.GetBool(body, "active", Model) ?? project.Active;
    }

    /// <summary>
    /// The real server only finds bad names when Postgres creates the schema, so it answers 500, not 400.
    /// </summary>
    private static void CheckIdentifiers(string name, string code)
    {
        if (!NamingRules.ProjectName().IsMatch(name) || name.Length > 55)
        {
            throw new AyonProblem(500, $"Invalid project name '{name}'");
        }

        if (!NamingRules.ProjectName().IsMatch(code))
        {
            throw new AyonProblem(500, $"Invalid project code '{code}'");
        }
    }

    private static ProjectState NewProject(AyonStore store, string name, string code, string? label)
    {
        var now = store.Time.GetUtcNow();
        return new ProjectState { Name = name, Code = code, Label = label, CreatedAt = now, UpdatedAt = now };
    }

    private static ProjectState Add(AyonStore store, ProjectState project, RequestOrigin origin)
    {
        store.ProjectTable[project.Name] = project;
        var now = store.Time.GetUtcNow();
        store.EventLog.Emit(
            new PendingEvent("entity.project.created", $"Project {project.Name} created", [], []),
            project.Name, origin, now);
        return project;
    }

    /// <summary>Defaults of project-scope attributes, overridden by the anatomy's values (either key casing).</summary>
    private static JsonObject ProjectAttrib(AyonStore store, JsonObject? fromAnatomy)
    {
        var attrib = new JsonObject();
        foreach (var attribute in store.Attributes.ActiveInScope("project"))
        {
            if (attribute.Default is { } value)
            {
                attrib[attribute.Name] = value.DeepClone();
            }
        }

        foreach (var attribute in store.Attributes.ActiveInScope("project"))
        {
            var value = fromAnatomy?[attribute.Name] ?? fromAnatomy?[JsonFields.ToSnake(attribute.Name)];
            if (value is not null)
            {
                attrib[attribute.Name] = store.Attributes.FilterForWrite(new JsonObject { [attribute.Name] = value.DeepClone() }, "project", Model)[attribute.Name]?.DeepClone();
            }
        }

        return attrib;
    }
}
