using Tasks.GraphQL.Execution.Coercion;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Execution;

/// <summary>Preparing a request: everything that can refuse it before a resolver runs.</summary>
public sealed partial class RequestExecutor
{
    /// <inheritdoc />
    public ValueTask<PreparedRequest> PrepareAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DocumentId is { } documentId)
        {
            return PreparePersistedAsync(request, documentId, cancellationToken);
        }

        if (Options.OnlyPersistedDocuments)
        {
            return ValueTask.FromResult(Refuse("This server only runs trusted documents: send the documentId of one instead of query text.", ErrorCodes.PersistedDocumentRequired));
        }

        return ValueTask.FromResult(string.IsNullOrWhiteSpace(request.Query)
            ? Refuse("Must provide a query string.", ErrorCodes.MissingDocument)
            : Prepare(request, request.Query));
    }

    private static PreparedRequest Refuse(string message, string code) =>
        new([new GraphQLError(message, Extensions: ErrorFactory.WithCode(code, null))]);

    private async ValueTask<PreparedRequest> PreparePersistedAsync(GraphQLRequest request, string documentId, CancellationToken cancellationToken)
    {
        if (Options.PersistedDocuments is not { } store)
        {
            return Refuse("This server has no persisted documents: send the query text instead.", ErrorCodes.PersistedDocumentNotFound);
        }

        var text = await store.FindAsync(documentId, cancellationToken).ConfigureAwait(false);
        return text is null
            ? Refuse($"Unknown persisted document \"{documentId}\".", ErrorCodes.PersistedDocumentNotFound)
            : Prepare(request, text);
    }

    private PreparedRequest Prepare(GraphQLRequest request, string text)
    {
        var document = GetDocument(text);
        if (document.Errors.Count > 0)
        {
            return new PreparedRequest(document.Errors);
        }

        var selection = document.GetOperation(request.OperationName, static (name, state) => state.Executor.SelectOperation(state.Document, name), (Executor: this, Document: document));
        if (selection.Plan is not { } operation)
        {
            return new PreparedRequest(selection.Errors);
        }

        var variables = VariableCoercion.Coerce(Schema, operation.Operation, request.Variables, out var errors);
        if (errors is not null)
        {
            return new PreparedRequest(errors);
        }

        if (operation.StaticCost is null && Options.MaxCost > 0)
        {
            var cost = OperationAnalyzer.Cost(Schema, operation.Operation, operation.RootType, operation.Fragments, Options.DefaultListSize, variables, out _);
            if (cost > Options.MaxCost)
            {
                return new PreparedRequest([CostError(operation.Operation, cost)]);
            }
        }

        var kind = operation.Kind;
        return new PreparedRequest(kind == OperationType.Mutation, kind == OperationType.Subscription, new ExecutionPlan(operation, variables));
    }

    /// <summary>The document parsed and validated, from the cache when its text was seen before.</summary>
    private CachedDocument GetDocument(string text)
    {
        var hash = DocumentHash.Of(text);
        if (cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        CachedDocument document;
        try
        {
            var parsed = Parser.Parse(new Source(text), Options.ParserOptions);
            document = new CachedDocument(parsed, Validate(parsed));
        }
        catch (GraphQLSyntaxException syntax)
        {
            var locations = syntax.Locations.Select(l => new ErrorLocation(l.Line, l.Column)).ToArray();
            document = new CachedDocument([new GraphQLError(syntax.Message, locations, Extensions: ErrorFactory.WithCode(ErrorCodes.ParseFailed, null))]);
        }

        cache.Add(hash, document);
        return document;
    }

    private IReadOnlyList<GraphQLError> Validate(DocumentNode document)
    {
        var options = Options.ValidationOptions ?? ValidationOptions.Default;
        if (!Options.EnableIntrospection && options.IncludeSuggestions)
        {
            // Suggestions would reveal the names introspection hides.
            options = new ValidationOptions { MaxErrors = options.MaxErrors, Rules = options.Rules, IncludeSuggestions = false };
        }

        return Options.Validator is { } validator ? validator(Schema, document, options) : DocumentValidator.Validate(Schema, document, options);
    }

    /// <summary>GetOperation (spec §6.1) and the checks that depend only on the operation, both cached with the document.</summary>
    private OperationSelection SelectOperation(CachedDocument document, string? operationName)
    {
        var operations = document.Document!.Definitions.OfType<OperationDefinitionNode>().ToArray();
        OperationDefinitionNode? operation;
        if (operationName is null)
        {
            operation = operations.Length == 1 ? operations[0] : null;
            if (operation is null)
            {
                return Refused(operations.Length == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.", ErrorCodes.OperationResolutionFailure, null);
            }
        }
        else
        {
            operation = Array.Find(operations, o => o.Name?.Value == operationName);
            if (operation is null)
            {
                return Refused($"Unknown operation named \"{operationName}\".", ErrorCodes.OperationResolutionFailure, null);
            }
        }

        if (Schema.RootType(operation.Operation) is not { } rootType)
        {
            return Refused($"Schema is not configured to execute {operation.Operation.ToKeyword()} operation.", ErrorCodes.OperationResolutionFailure, operation);
        }

        var shape = OperationAnalyzer.Measure(operation, document.Fragments);
        var errors = new List<GraphQLError>();
        if (!Options.EnableIntrospection && shape.Introspection is { } introspection)
        {
            errors.Add(ErrorFactory.At(
                $"Introspection is disabled on this server: \"{introspection.Name.Value}\" cannot be queried.",
                ErrorCodes.ValidationFailed,
                introspection));
        }

        CheckLimit(errors, operation, shape.Depth, Options.MaxDepth, ErrorCodes.DepthLimitExceeded, "depth", $"The operation nests fields {shape.Depth} deep, deeper than the maximum depth of {Options.MaxDepth}.");
        CheckLimit(errors, operation, shape.Aliases, Options.MaxAliases, ErrorCodes.AliasLimitExceeded, "aliases", $"The operation uses {shape.Aliases} aliases, more than the maximum of {Options.MaxAliases}.");
        CheckLimit(errors, operation, shape.Fields, Options.MaxFields, ErrorCodes.FieldLimitExceeded, "fields", $"The operation selects {shape.Fields} fields (fragments expanded), more than the maximum of {Options.MaxFields}.");

        long? staticCost = null;
        if (Options.MaxCost > 0)
        {
            var cost = OperationAnalyzer.Cost(Schema, operation, rootType, document.Fragments, Options.DefaultListSize, null, out var dependsOnVariables);
            if (!dependsOnVariables)
            {
                staticCost = cost;
                if (cost > Options.MaxCost)
                {
                    errors.Add(CostError(operation, cost));
                }
            }
        }

        return errors.Count > 0
            ? new OperationSelection(null, errors)
            : new OperationSelection(new OperationPlan(Schema, operation, rootType, document.Fragments, shape, staticCost), []);
    }

    private static OperationSelection Refused(string message, string code, INode? node) =>
        new(null, [ErrorFactory.At(message, code, node)]);

    private static void CheckLimit(List<GraphQLError> errors, OperationDefinitionNode operation, int actual, int maximum, string code, string measure, string message)
    {
        if (maximum > 0 && actual > maximum)
        {
            errors.Add(ErrorFactory.At(message, code, operation, new Dictionary<string, object?>(StringComparer.Ordinal) { [measure] = actual, ["maximum"] = maximum }));
        }
    }

    private GraphQLError CostError(OperationDefinitionNode operation, long cost) => ErrorFactory.At(
        $"The operation's estimated cost of {cost} is more than the maximum of {Options.MaxCost}.",
        ErrorCodes.CostLimitExceeded,
        operation,
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["cost"] = cost, ["maximumCost"] = Options.MaxCost });
}
