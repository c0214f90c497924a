using System.Text.Json;

namespace Tasks.GraphQL.Execution;

/// <summary>One GraphQL request as a transport received it, before parsing.</summary>
/// <param name="Query">The document text; null when a persisted document is named by <paramref name="DocumentId"/>.</param>
/// <param name="OperationName">Which operation of the document to run, when it has several.</param>
/// <param name="Variables">The variables as a JSON object, if any.</param>
/// <param name="Extensions">Request extensions as a JSON object, if any.</param>
/// <param name="DocumentId">The id of a trusted (persisted) document, if the request names one.</param>
public sealed record GraphQLRequest(string? Query, string? OperationName = null, JsonElement? Variables = null, JsonElement? Extensions = null, string? DocumentId = null);
