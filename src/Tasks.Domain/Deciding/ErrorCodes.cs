namespace Tasks.Domain.Deciding;

/// <summary>The stable codes of <see cref="DomainError"/>.</summary>
public static class ErrorCodes
{
    /// <summary>An input value broke a rule (<see cref="ValidationError"/>).</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The command is not allowed in the current state (<see cref="IllegalStateError"/>).</summary>
    public const string IllegalState = "ILLEGAL_STATE";

    /// <summary>The target does not exist (<see cref="NotFoundError"/>).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The target exists already (<see cref="AlreadyExistsError"/>).</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";
}
