namespace Tasks.Projections.Queries;

/// <summary>One resolved key of the effective sort (the key field included).</summary>
internal readonly record struct SortKey(QueryField Field, bool Descending);
