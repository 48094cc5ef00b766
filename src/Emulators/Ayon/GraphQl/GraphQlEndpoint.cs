using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary><c>POST /graphql</c> served by GraphQL for .NET; always HTTP 200, failures in <c>errors</c>.</summary>
internal static class GraphQlEndpoint
{
    public static void MapGraphQlEndpoint(this WebApplication app, AyonStore store)
    {
        var schemas = new AyonSchemaFactory(store);
        var executer = new DocumentExecuter();
        var serializer = new GraphQLSerializer(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        app.MapPost("/graphql", async (HttpContext http) =>
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            if (request?.Query is null)
            {
                throw AyonProblem.BadRequest("No GraphQL query given");
            }

            var result = await executer.ExecuteAsync(options =>
            {
                options.Schema = schemas.Current();
                options.Query = request.Query;
                options.Variables = request.Variables;
                options.OperationName = request.OperationName;
                options.UserContext = new AyonGraphContext(store);
                options.CancellationToken = http.RequestAborted;
            });
            // The real server always sends a "data" key, null after validation errors too.
            result.Executed = true;
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json";
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        });
    }
}
