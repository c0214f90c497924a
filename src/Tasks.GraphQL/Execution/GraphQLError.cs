namespace Tasks.GraphQL.Execution;

/// <summary>An error as the GraphQL response format describes it.</summary>
/// <param name="Message">For people.</param>
/// <param name="Locations">Where in the document, if the error can be tied to it.</param>
/// <param name="Path">The response path of the field that failed (names and list indexes), for field errors.</param>
/// <param name="Extensions">Machine-readable details; by convention <c>code</c> holds a stable error code.</param>
public sealed record GraphQLError(
    string Message,
    IReadOnlyList<ErrorLocation>? Locations = null,
    IReadOnlyList<object>? Path = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>A 1-based line and column in the request's document.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct ErrorLocation(int Line, int Column);
