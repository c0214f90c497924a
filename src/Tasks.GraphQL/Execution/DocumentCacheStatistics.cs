namespace Tasks.GraphQL.Execution;

/// <summary>How the document cache of a <see cref="RequestExecutor"/> has fared.</summary>
/// <param name="Hits">Requests whose document was found parsed and validated.</param>
/// <param name="Misses">Requests whose document had to be parsed (and validated).</param>
/// <param name="Count">Documents held now.</param>
public readonly record struct DocumentCacheStatistics(long Hits, long Misses, int Count);
