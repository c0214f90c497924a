using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport;

/// <summary>
/// Reads one GraphQL request object, <c>{query, operationName, variables, extensions, documentId}</c>, as a POST body,
/// a batch entry or a WebSocket <c>subscribe</c> payload carries it, checking each parameter's type.
/// </summary>
internal static class GraphQLRequestJsonReader
{
    public static bool TryRead(JsonElement element, [NotNullWhen(true)] out GraphQLRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = "A GraphQL request must be a JSON object.";
            return false;
        }

        string? query = null, operationName = null, documentId = null;
        JsonElement? variables = null, extensions = null;
        foreach (var property in element.EnumerateObject())
        {
            // Other property names are reserved by the specification for future use; ignoring them keeps us compatible.
            var valid = property.Name switch
            {
                "query" => TryReadString(property.Value, out query),
                "operationName" => TryReadString(property.Value, out operationName),
                "documentId" => TryReadString(property.Value, out documentId),
                "variables" => TryReadObject(property.Value, out variables),
                "extensions" => TryReadObject(property.Value, out extensions),
                _ => true,
            };
            if (!valid)
            {
                problem = property.Name is "variables" or "extensions"
                    ? $"The '{property.Name}' parameter must be a JSON object (or null)."
                    : $"The '{property.Name}' parameter must be a string.";
                return false;
            }
        }

        return TryCreate(query, operationName, variables, extensions, documentId, out request, out problem);
    }

    /// <summary>Applies the rules shared by every encoding once the parameters are read.</summary>
    public static bool TryCreate(
        string? query,
        string? operationName,
        JsonElement? variables,
        JsonElement? extensions,
        string? documentId,
        [NotNullWhen(true)] out GraphQLRequest? request,
        [NotNullWhen(false)] out string? problem)
    {
        if (query is null && documentId is null)
        {
            request = null;
            problem = "The 'query' parameter is required (a string holding the GraphQL document), unless a 'documentId' names a persisted document.";
            return false;
        }

        // An empty operationName means "not given" (GraphQL over HTTP, GET section); treating POST alike avoids surprises.
        request = new GraphQLRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions, documentId);
        problem = null;
        return true;
    }

    private static bool TryReadString(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool TryReadObject(JsonElement value, out JsonElement? json)
    {
        json = value.ValueKind == JsonValueKind.Object ? value : null;
        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Null;
    }
}
