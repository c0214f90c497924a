namespace Tasks.GraphQL.Execution.Persisted;

/// <summary>Trusted documents by id: the operations a server agreed to run, usually extracted from its clients at build time.</summary>
public interface IPersistedDocumentStore
{
    /// <summary>The text of the document <paramref name="documentId"/>, or null if there is none.</summary>
    ValueTask<string?> FindAsync(string documentId, CancellationToken cancellationToken);
}
