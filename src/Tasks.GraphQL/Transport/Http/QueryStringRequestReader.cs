using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>Reads a GraphQL request from a GET query string, where <c>variables</c> and <c>extensions</c> are JSON-encoded.</summary>
internal static class QueryStringRequestReader
{
    public static bool HasDocument(IQueryCollection parameters) =>
        parameters.ContainsKey("query") || parameters.ContainsKey("documentId");

    public static bool TryRead(IQueryCollection parameters, [NotNullWhen(true)] out GraphQLRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (!TryGetSingle(parameters, "query", out var query, out problem)
            || !TryGetSingle(parameters, "operationName", out var operationName, out problem)
            || !TryGetSingle(parameters, "documentId", out var documentId, out problem)
            || !TryGetSingle(parameters, "variables", out var variablesText, out problem)
            || !TryGetSingle(parameters, "extensions", out var extensionsText, out problem)
            || !TryParseObject("variables", variablesText, out var variables, out problem)
            || !TryParseObject("extensions", extensionsText, out var extensions, out problem))
        {
            return false;
        }

        return GraphQLRequestJsonReader.TryCreate(query, operationName, variables, extensions, documentId, out request, out problem);
    }

    private static bool TryGetSingle(IQueryCollection parameters, string name, out string? value, [NotNullWhen(false)] out string? problem)
    {
        value = null;
        problem = null;
        if (!parameters.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            problem = $"The '{name}' parameter must be given at most once.";
            return false;
        }

        value = values[0];
        return true;
    }

    private static bool TryParseObject(string name, string? text, out JsonElement? json, [NotNullWhen(false)] out string? problem)
    {
        json = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text, TransportJson.DocumentOptions);
            switch (document.RootElement.ValueKind)
            {
                case JsonValueKind.Object:
                    // Cloned: the element must outlive the document, which goes back to the pool here.
                    json = document.RootElement.Clone();
                    return true;
                case JsonValueKind.Null:
                    return true;
            }
        }
        catch (JsonException)
        {
            // Reported below, with the same message as a well-formed value of the wrong type.
        }

        problem = $"The '{name}' parameter must be a JSON-encoded object.";
        return false;
    }
}
