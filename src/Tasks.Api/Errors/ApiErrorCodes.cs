namespace Tasks.Api.Errors;

/// <summary>The codes of the schema's <c>ErrorCode</c> enum, used in payload errors and in <c>extensions.code</c>.</summary>
public static class ApiErrorCodes
{
    /// <summary>The input is not valid.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The thing named does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The thing is not in a state that allows the change.</summary>
    public const string IllegalState = "ILLEGAL_STATE";

    /// <summary>The thing exists already.</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";

    /// <summary>The caller lacks a permission.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>No valid bearer token was given.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The function did not answer in time.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The service cannot do this right now.</summary>
    public const string Unavailable = "UNAVAILABLE";
}
