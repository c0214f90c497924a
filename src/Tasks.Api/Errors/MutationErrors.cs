using Tasks.Domain.Deciding;

namespace Tasks.Api.Errors;

/// <summary>Why a mutation was refused: the schema's <c>MutationError</c> interface. Each subtype names its GraphQL type.</summary>
/// <param name="Code">The ErrorCode value.</param>
/// <param name="Message">A sentence for the caller.</param>
/// <param name="Field">The input field at fault, when one is.</param>
public abstract record MutationError(string Code, string Message, string? Field)
{
    /// <summary>The GraphQL object type this error is.</summary>
    public abstract string GraphQLType { get; }

    /// <summary>The payload error for a domain decision's rejection.</summary>
    public static MutationError From(DomainError error, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field is null ? null : fieldPrefix + error.Field;
        return error switch
        {
            ValidationError => new InputError(error.Message, field),
            NotFoundError notFound => new NotFound(notFound.Entity, error.Message, field),
            AlreadyExistsError exists => new AlreadyExists(exists.Entity, error.Message, field),
            IllegalStateError illegal => new IllegalState(illegal.CurrentStatus, illegal.AttemptedAction, error.Message),
            _ => new InputError(error.Message, field),
        };
    }
}

/// <summary>The input is not valid (GraphQL type <c>ValidationError</c>).</summary>
public sealed record InputError(string Message, string? Field) : MutationError(ApiErrorCodes.Validation, Message, Field)
{
    /// <inheritdoc />
    public override string GraphQLType => "ValidationError";
}

/// <summary>The thing named does not exist (GraphQL type <c>NotFoundError</c>).</summary>
public sealed record NotFound(string Entity, string Message, string? Field = null) : MutationError(ApiErrorCodes.NotFound, Message, Field)
{
    /// <inheritdoc />
    public override string GraphQLType => "NotFoundError";
}

/// <summary>The thing exists already (GraphQL type <c>AlreadyExistsError</c>).</summary>
public sealed record AlreadyExists(string Entity, string Message, string? Field = null) : MutationError(ApiErrorCodes.AlreadyExists, Message, Field)
{
    /// <inheritdoc />
    public override string GraphQLType => "AlreadyExistsError";
}

/// <summary>The thing is in the wrong state (GraphQL type <c>IllegalStateError</c>).</summary>
public sealed record IllegalState(string CurrentStatus, string AttemptedAction, string Message) : MutationError(ApiErrorCodes.IllegalState, Message, null)
{
    /// <inheritdoc />
    public override string GraphQLType => "IllegalStateError";
}

/// <summary>The function could not run now or did not answer in time (GraphQL type <c>ExecutionError</c>).</summary>
public sealed record ExecutionProblem(string Code, string Message, string? Field = null) : MutationError(Code, Message, Field)
{
    /// <inheritdoc />
    public override string GraphQLType => "ExecutionError";
}
