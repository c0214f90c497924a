using System.Collections.Frozen;

namespace Tasks.GraphQL.Execution.Persisted;

/// <summary>Trusted documents held in memory, for a fixed set known at startup.</summary>
/// <param name="documents">Document text by id.</param>
public sealed class InMemoryPersistedDocumentStore(IReadOnlyDictionary<string, string> documents) : IPersistedDocumentStore
{
    private readonly FrozenDictionary<string, string> documents = documents.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<string?> FindAsync(string documentId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documents.GetValueOrDefault(documentId));
}
