namespace Tasks.Domain.Deciding;

/// <summary>Why a command was rejected. <see cref="Code"/> is stable and becomes the API's error code.</summary>
public abstract record DomainError
{
    private protected DomainError(string code, string message, string? field)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Message = message;
        Field = field;
    }

    /// <summary>The stable error code, one of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A human-readable explanation.</summary>
    public string Message { get; }

    /// <summary>The input field that was wrong, when one was (wire name, e.g. <c>timeLimit</c>).</summary>
    public string? Field { get; }
}

/// <summary>An input value broke a rule; <see cref="DomainError.Field"/> always names it.</summary>
public sealed record ValidationError : DomainError
{
    /// <summary>Creates the error.</summary>
    /// <param name="field">The wire name of the wrong field (e.g. <c>memoryLimit</c>).</param>
    /// <param name="message">What is wrong.</param>
    public ValidationError(string field, string message)
        : base(ErrorCodes.Validation, message, RequireField(field))
    {
    }

    private static string RequireField(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return field;
    }
}

/// <summary>The command is not allowed in the target's current state.</summary>
public sealed record IllegalStateError : DomainError
{
    /// <summary>Creates the error.</summary>
    /// <param name="currentStatus">The target's status, as a wire name (e.g. <c>inProgress</c>, <c>deleted</c>).</param>
    /// <param name="attemptedAction">What was attempted (e.g. <c>cancel</c>).</param>
    /// <param name="message">Why it is not allowed.</param>
    public IllegalStateError(string currentStatus, string attemptedAction, string message)
        : base(ErrorCodes.IllegalState, message, null)
    {
        CurrentStatus = currentStatus;
        AttemptedAction = attemptedAction;
    }

    /// <summary>The target's status when the command arrived, as a wire name.</summary>
    public string CurrentStatus { get; }

    /// <summary>The action that was attempted.</summary>
    public string AttemptedAction { get; }
}

/// <summary>The target of the command does not exist.</summary>
public sealed record NotFoundError : DomainError
{
    /// <summary>Creates the error.</summary>
    /// <param name="entity">The kind of target: <c>task</c>, <c>function</c> or <c>schedule</c>.</param>
    /// <param name="message">What was not found.</param>
    public NotFoundError(string entity, string message)
        : base(ErrorCodes.NotFound, message, null) => Entity = entity;

    /// <summary>The kind of target: <c>task</c>, <c>function</c> or <c>schedule</c>.</summary>
    public string Entity { get; }
}

/// <summary>The command would create something that exists already.</summary>
public sealed record AlreadyExistsError : DomainError
{
    /// <summary>Creates the error.</summary>
    /// <param name="entity">The kind of target: <c>task</c>, <c>function</c> or <c>schedule</c>.</param>
    /// <param name="message">What exists already.</param>
    /// <param name="field">The field that identifies it (e.g. <c>name</c>, <c>id</c>).</param>
    public AlreadyExistsError(string entity, string message, string? field = null)
        : base(ErrorCodes.AlreadyExists, message, field) => Entity = entity;

    /// <summary>The kind of target: <c>task</c>, <c>function</c> or <c>schedule</c>.</summary>
    public string Entity { get; }
}
