using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// Builds the schema for the current active attributes and rebuilds it when they change (a restart, or at once
/// without restart mode), the way the real server regenerates its GraphQL types at start-up.
/// </summary>
internal sealed class AyonSchemaFactory(AyonStore store)
{
    private readonly Lock _gate = new();
    private ISchema? _schema;
    private int _generation = -1;

    public ISchema Current()
    {
        var (generation, folder, task) = store.Locked(() => (
            store.Attributes.ActiveGeneration,
            store.Attributes.ActiveInScope("folder").ToList(),
            store.Attributes.ActiveInScope("task").ToList()));
        lock (_gate)
        {
            if (_schema is null || generation != _generation)
            {
                var services = new SchemaServices(new FolderAttribGraphType(folder), new TaskAttribGraphType(task));
                var schema = new Schema(services) { Query = new QueryGraphType() };
                schema.Initialize();
                _schema = schema;
                _generation = generation;
            }

            return _schema;
        }
    }

    /// <summary>Hands the schema its per-build attrib types; every other graph type is created plainly.</summary>
    private sealed class SchemaServices(FolderAttribGraphType folderAttrib, TaskAttribGraphType taskAttrib) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(FolderAttribGraphType) ? folderAttrib
            : serviceType == typeof(TaskAttribGraphType) ? taskAttrib
            : serviceType.IsAbstract || serviceType.IsInterface ? null
            : Activator.CreateInstance(serviceType);
    }
}
