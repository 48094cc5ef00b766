using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>A parsed <c>POST /api/projects/{p}/operations</c> body, pre-validated as the server does before running anything.</summary>
internal sealed record OperationBatch(IReadOnlyList<EntityOperation> Operations, bool CanFail, bool RaiseOnError)
{
    private static readonly string[] Types = ["create", "update", "delete"];

    /// <summary>Throws a 400 request error for malformed bodies, missing ids or duplicate update/delete targets.</summary>
    public static OperationBatch Parse(JsonObject body)
    {
        const string model = "OperationsModel";
        if (JsonFields.Get(body, "operations") is not JsonArray items)
        {
            throw AyonProblem.InvalidData(model, "operations", "value is not a valid list", "type_error.list");
        }

        var operations = new List<EntityOperation>();
        var targets = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            if (item is not JsonObject op)
            {
                throw AyonProblem.InvalidData(model, "operations", "value is not a valid dict", "type_error.dict");
            }

            var type = JsonFields.GetString(op, "type", model);
            if (type is null || !Types.Contains(type))
            {
                throw AyonProblem.InvalidData(model, "type", "unexpected value; permitted: 'create', 'update', 'delete'", "value_error.const");
            }

            var entityType = JsonFields.GetString(op, "entityType", model)
                ?? throw AyonProblem.InvalidData(model, "entityType", "field required", "value_error.missing");
            var entityId = JsonFields.GetString(op, "entityId", model);
            var data = JsonFields.GetObject(op, "data", model);
            if (type != "delete" && data is null)
            {
                throw AyonProblem.BadRequest($"Data is required for {type} operation");
            }

            if (type != "create")
            {
                if (entityId is null)
                {
                    throw AyonProblem.BadRequest($"entityId is required for {type} operation");
                }

                if (!targets.Add((entityType, entityId)))
                {
                    throw AyonProblem.BadRequest($"Duplicate operation for {entityType} {entityId}");
                }
            }

            operations.Add(new EntityOperation(
                JsonFields.GetString(op, "id", model) ?? NamingRules.NewId(), type, entityType, entityId, data,
                JsonFields.GetBool(op, "force", model) ?? false));
        }

        return new OperationBatch(
            operations,
            JsonFields.GetBool(body, "canFail", model) ?? false,
            JsonFields.GetBool(body, "raiseOnError", model) ?? false);
    }
}
