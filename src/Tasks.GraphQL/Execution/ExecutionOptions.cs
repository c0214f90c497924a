using Tasks.GraphQL.Execution.Persisted;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Execution;

/// <summary>
/// How a <see cref="RequestExecutor"/> prepares and runs requests: the protection limits checked before anything
/// executes, the document cache, trusted documents, the execution time limit and how much of a failure clients see.
/// </summary>
public sealed class ExecutionOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ExecutionOptions Default { get; } = new();

    /// <summary>The deepest nesting of fields an operation may select (fragments do not count as a level); 0 turns the check off. Defaults to 15.</summary>
    public int MaxDepth { get; init; } = 15;

    /// <summary>The most aliased fields an operation may select, counted after expanding fragments; 0 turns the check off. Defaults to 30.</summary>
    public int MaxAliases { get; init; } = 30;

    /// <summary>The most fields an operation may select, counted after expanding fragments; 0 turns the check off. Defaults to 1,000.</summary>
    public int MaxFields { get; init; } = 1_000;

    /// <summary>
    /// The highest estimated cost an operation may have; 0 turns the check off. Defaults to 10,000. Every field costs 1
    /// (or the <c>weight</c> of a <c>@cost(weight: Int)</c> directive on its definition), and a field returning a list
    /// multiplies the cost of what it selects by the list's expected size: its <c>first</c>, <c>last</c> or <c>limit</c>
    /// argument when it has one, else <see cref="DefaultListSize"/>. Introspection is bounded by the schema and costs 1.
    /// </summary>
    public int MaxCost { get; init; } = 10_000;

    /// <summary>The size assumed for a list whose field has no <c>first</c>, <c>last</c> or <c>limit</c> argument. Defaults to 10.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// How long one execution may run; when it passes, the request's cancellation token fires and every field not yet
    /// resolved fails with <c>extensions.code</c> <see cref="ErrorCodes.Timeout"/>. <see cref="Timeout.InfiniteTimeSpan"/>
    /// turns the limit off. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> may be queried (<c>__typename</c> always may). When false, documents
    /// selecting them are refused before execution, and validation messages stop suggesting names. Defaults to true.
    /// </summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// Whether unexpected resolver exceptions are reported with their message and stack trace (for development).
    /// When false (the default) clients see "Unexpected Execution Error" and a correlation id that is also logged.
    /// </summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>How many parsed and validated documents are kept, keyed by a hash of their text. Defaults to 1,000; 0 turns caching off.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>Where trusted (persisted) documents are looked up when a request names one by <see cref="GraphQLRequest.DocumentId"/>.</summary>
    public IPersistedDocumentStore? PersistedDocuments { get; init; }

    /// <summary>When true, only documents from <see cref="PersistedDocuments"/> run: a request carrying query text is refused.</summary>
    public bool OnlyPersistedDocuments { get; init; }

    /// <summary>Limits for parsing request documents; <see cref="ParserOptions.Default"/> when null.</summary>
    public ParserOptions? ParserOptions { get; init; }

    /// <summary>Options for validation; <see cref="Validation.ValidationOptions.Default"/> when null (suggestions are turned off when introspection is).</summary>
    public ValidationOptions? ValidationOptions { get; init; }

    /// <summary>Validates a parsed document; null runs <see cref="DocumentValidator.Validate"/>. Replace it only to run other rules.</summary>
    public DocumentValidation? Validator { get; init; }

    /// <summary>Produces the root value handed to root field resolvers as their parent; null gives them a null parent.</summary>
    public Func<RequestContext, object?>? RootValue { get; init; }
}

/// <summary>Validates a parsed request document against a schema, returning its errors (none when it is valid).</summary>
/// <param name="schema">The schema the document runs against.</param>
/// <param name="document">The parsed document.</param>
/// <param name="options">How to validate.</param>
public delegate IReadOnlyList<GraphQLError> DocumentValidation(TypeSystem.Schema schema, DocumentNode document, ValidationOptions options);
