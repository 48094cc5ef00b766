using GraphQL;
using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>An activity row of <c>project.activities</c>: the activity seen through one of its references.</summary>
internal sealed record ActivityNode(
    string ActivityId, string ActivityType, string Body, string ActivityData, string EntityType, string? EntityId, string ReferenceType, string CreatedAt, string UpdatedAt);

internal sealed class ActivityGraphType : ObjectGraphType<ActivityNode>
{
    public ActivityGraphType()
    {
        Name = "ActivityNode";
        Field<NonNullGraphType<StringGraphType>>("activityId").Resolve(c => c.Source.ActivityId);
        Field<NonNullGraphType<StringGraphType>>("activityType").Resolve(c => c.Source.ActivityType);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<StringGraphType>>("activityData").Resolve(c => c.Source.ActivityData);
        Field<NonNullGraphType<StringGraphType>>("entityType").Resolve(c => c.Source.EntityType);
        Field<StringGraphType>("entityId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("referenceType").Resolve(c => c.Source.ReferenceType);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

internal sealed class ActivityEdgeGraphType() : EdgeGraphType<ActivityGraphType, ActivityNode>("ActivityEdge");

internal sealed class ActivitiesConnectionGraphType() : ConnectionGraphType<ActivityEdgeGraphType, ActivityNode>("ActivitiesConnection");

/// <summary>
/// <c>project.activities(activityIds, activityTypes)</c>. The real server answers one row per reference of each
/// activity (origin, author, mentions, relations); this emulator answers the origin row only, which is enough for a
/// client that reads an activity's body and data by id (and must expect the same activity more than once).
/// </summary>
internal static class ActivityResolvers
{
    public static Page<ActivityNode> Activities(IResolveFieldContext<ProjectNode> c)
    {
        var ids = c.StringSet("activityIds");
        var types = c.StringSet("activityTypes");
        var store = c.Store();
        return store.Locked(() =>
        {
            var project = RouteChecks.Project(store, c.Source.Name);
            var matches = project.Activities.Values
                .Where(a => (ids is null || ids.Contains(a.Id)) && (types is null || types.Contains(a.ActivityType)))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
                .Select((a, i) => ((long)i + 1, new ActivityNode(
                    a.Id, a.ActivityType, a.Body, a.Data.ToJsonString(), a.EntityType, a.EntityId, "origin",
                    a.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), a.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
            return Paging.Slice(matches, c.First(), c.After(), c.Last(), c.Before());
        });
    }
}
