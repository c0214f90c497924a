using System.Runtime.CompilerServices;

// The validation tests measure the work of field merging (ValidationContext.FieldComparisons).
[assembly: InternalsVisibleTo("Tasks.GraphQL.Tests")]
