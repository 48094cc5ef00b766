using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace AyonShotgrid.Persistence;

/// <summary>
/// In-memory grain storage (the demo, single-silo runs, tests) with the same serializer as the PostgreSQL storage: plain
/// System.Text.Json. With Orleans' default (Newtonsoft with $type) a state that round-trips in PostgreSQL could fail in
/// memory, or the other way round: a collection expression stored as IReadOnlyList&lt;T&gt; is a compiler-made type
/// that the memory storage refused to read back, and the leecher's polls failed on it.
/// </summary>
public static class MemoryStorageExtensions
{
    public static ISiloBuilder AddPlainJsonMemoryGrainStorage(this ISiloBuilder silo, string storageName) =>
        silo.AddMemoryGrainStorage(storageName, optionsBuilder => optionsBuilder.Configure<IServiceProvider>((options, services) =>
            options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services)));
}
