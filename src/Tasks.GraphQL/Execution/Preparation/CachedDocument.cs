using System.Collections.Concurrent;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>
/// A document as the cache keeps it: parsed and validated (or the errors that stop it), with the plan of each operation
/// chosen from it so far, so a repeated request skips parsing, validation, operation selection and the static checks.
/// </summary>
internal sealed class CachedDocument
{
    private readonly ConcurrentDictionary<string, OperationSelection> operations = new(StringComparer.Ordinal);

    public CachedDocument(IReadOnlyList<GraphQLError> errors)
    {
        Errors = errors;
        Fragments = new Dictionary<string, FragmentDefinitionNode>();
    }

    public CachedDocument(DocumentNode document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        Fragments = fragments;
    }

    /// <summary>The parsed document; null when it did not parse.</summary>
    public DocumentNode? Document { get; }

    /// <summary>Syntax or validation errors; empty when the document can run.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>The fragment definitions by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>When the cache last handed the document out, for eviction.</summary>
    public long LastUsed { get; set; }

    /// <summary>The operation chosen by <paramref name="operationName"/> (null for the only one), planned once.</summary>
    public OperationSelection GetOperation<TState>(string? operationName, Func<string?, TState, OperationSelection> select, TState state) =>
        operations.TryGetValue(operationName ?? string.Empty, out var selection)
            ? selection
            : operations.GetOrAdd(operationName ?? string.Empty, select(operationName, state));
}

/// <summary>The outcome of choosing an operation: its plan, or the request errors that stop it.</summary>
/// <param name="Plan">The plan, when the operation can run.</param>
/// <param name="Errors">The errors otherwise.</param>
internal sealed record OperationSelection(OperationPlan? Plan, IReadOnlyList<GraphQLError> Errors);
