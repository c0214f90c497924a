namespace Tasks.GraphQL.Execution;

/// <summary>The values of <c>extensions.code</c> this engine puts on errors, so clients can react without parsing messages.</summary>
public static class ErrorCodes
{
    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document breaks a validation rule of the specification, or selects introspection while it is disabled.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The request carries neither a document nor a document id.</summary>
    public const string MissingDocument = "MISSING_DOCUMENT";

    /// <summary>The operation to run cannot be chosen: no name given for a document of several, or an unknown name.</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>A variable or argument value cannot be coerced to its type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The request names a trusted document that does not exist.</summary>
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";

    /// <summary>The server runs trusted documents only and the request sent query text.</summary>
    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";

    /// <summary>The operation nests fields deeper than <see cref="ExecutionOptions.MaxDepth"/>.</summary>
    public const string DepthLimitExceeded = "DEPTH_LIMIT_EXCEEDED";

    /// <summary>The operation uses more aliases than <see cref="ExecutionOptions.MaxAliases"/>.</summary>
    public const string AliasLimitExceeded = "ALIAS_LIMIT_EXCEEDED";

    /// <summary>The operation selects more fields than <see cref="ExecutionOptions.MaxFields"/>.</summary>
    public const string FieldLimitExceeded = "FIELD_LIMIT_EXCEEDED";

    /// <summary>The operation's estimated cost is over <see cref="ExecutionOptions.MaxCost"/>; <c>extensions.cost</c> holds it.</summary>
    public const string CostLimitExceeded = "COST_LIMIT_EXCEEDED";

    /// <summary>A resolver failed unexpectedly; the details are logged under <c>extensions.correlationId</c>.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The execution ran past <see cref="ExecutionOptions.ExecutionTimeout"/> before the field was resolved.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>
    /// A resolver returned a value its field's type cannot hold: null for a non-null type, a value the scalar or enum cannot
    /// represent, an object of no possible type.
    /// </summary>
    public const string InvalidResult = "INVALID_RESULT";

    /// <summary>The operation kind cannot run through the method called (a subscription given to <see cref="IRequestExecutor.ExecuteAsync"/>).</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
}
