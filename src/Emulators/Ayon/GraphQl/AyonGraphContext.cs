using GraphQL;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Carries the store to the resolvers.</summary>
internal sealed class AyonGraphContext(AyonStore store) : Dictionary<string, object?>
{
    public AyonStore Store { get; } = store;
}

internal static class AyonGraphContextExtensions
{
    public static AyonStore Store(this IResolveFieldContext context) => ((AyonGraphContext)context.UserContext).Store;
}
