using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Argument declarations and readers shared by the connection fields.</summary>
internal static class GraphArguments
{
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<IntGraphType>("last").Argument<StringGraphType>("before");

    public static FieldBuilder<TSource, TReturn> StringListArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string name) =>
        field.Argument<ListGraphType<NonNullGraphType<StringGraphType>>>(name);

    /// <summary>Null when the filter was not given (an empty list filters everything out, as SQL <c>IN ()</c> would).</summary>
    public static HashSet<string>? StringSet(this IResolveFieldContext context, string name) =>
        context.HasArgument(name) && context.GetArgument<List<string>?>(name) is { } values
            ? values.ToHashSet(StringComparer.Ordinal)
            : null;

    public static int? First(this IResolveFieldContext context) => context.GetArgument<int?>("first");
    public static int? Last(this IResolveFieldContext context) => context.GetArgument<int?>("last");
    public static string? After(this IResolveFieldContext context) => context.GetArgument<string?>("after");
    public static string? Before(this IResolveFieldContext context) => context.GetArgument<string?>("before");
}
