using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A user snapshot taken under the store lock.</summary>
internal sealed record UserNode(string Name, bool Active, string? FullName, string? Email, string AllAttrib, bool IsService, bool HasPassword);

/// <summary>
/// <c>UserNode</c> as the real schema has it: no <c>data</c> field (querying it is a validation error), so a client that
/// needs a user's data reads <c>GET /api/users/{name}</c>.
/// </summary>
internal sealed class UserGraphType : ObjectGraphType<UserNode>
{
    public UserGraphType()
    {
        Name = "UserNode";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
        Field<NonNullGraphType<UserAttribGraphType>>("attrib").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("allAttrib").Resolve(c => c.Source.AllAttrib);
        Field<NonNullGraphType<BooleanGraphType>>("isService").Resolve(c => c.Source.IsService);
        Field<NonNullGraphType<BooleanGraphType>>("isAdmin").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("isManager").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("isGuest").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("hasPassword").Resolve(c => c.Source.HasPassword);
    }
}

internal sealed class UserAttribGraphType : ObjectGraphType<UserNode>
{
    public UserAttribGraphType()
    {
        Name = "UserAttribType";
        Field<StringGraphType>("fullName").Resolve(c => c.Source.FullName);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
    }
}

internal sealed class UserEdgeGraphType() : EdgeGraphType<UserGraphType, UserNode>("UserEdge");

internal sealed class UsersConnectionGraphType() : ConnectionGraphType<UserEdgeGraphType, UserNode>("UsersConnection");
