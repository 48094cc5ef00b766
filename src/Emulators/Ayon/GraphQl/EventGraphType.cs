using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>Event node. Like the real schema it has no senderType field.</summary>
internal sealed class EventGraphType : ObjectGraphType<EventNode>
{
    public EventGraphType()
    {
        Name = "EventNode";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("hash").Resolve(c => c.Source.Hash);
        Field<NonNullGraphType<StringGraphType>>("topic").Resolve(c => c.Source.Topic);
        Field<StringGraphType>("project").Resolve(c => c.Source.Project);
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<StringGraphType>("sender").Resolve(c => c.Source.Sender);
        Field<StringGraphType>("dependsOn").Resolve(c => c.Source.DependsOn);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("retries").Resolve(c => c.Source.Retries);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<StringGraphType>>("payload").Resolve(c => c.Source.Payload);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
