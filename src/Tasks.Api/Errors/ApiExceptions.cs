using Tasks.GraphQL.Execution;

namespace Tasks.Api.Errors;

/// <summary>GraphQL errors (as opposed to payload errors) the API raises on a field, each with a code.</summary>
public static class ApiExceptions
{
    /// <summary>The caller lacks <paramref name="permission"/>.</summary>
    public static GraphQLException Forbidden(string permission) =>
        new($"The permission {permission} is required.", ApiErrorCodes.Forbidden, new Dictionary<string, object?> { ["permission"] = permission });

    /// <summary>The caller lacks every one of <paramref name="permissions"/>.</summary>
    public static GraphQLException ForbiddenAnyOf(IReadOnlyList<string> permissions, string why) =>
        new(why, ApiErrorCodes.Forbidden, new Dictionary<string, object?> { ["permissions"] = permissions });

    /// <summary>The function may be executed by users only, and an application called.</summary>
    public static GraphQLException ForbiddenForApplications(string functionName) =>
        new($"The function '{functionName}' can be executed by users only (a token with a user id), not by applications.", ApiErrorCodes.Forbidden, new Dictionary<string, object?> { ["requires"] = "user" });

    /// <summary>No valid token was presented.</summary>
    public static GraphQLException Unauthenticated() =>
        new("A valid bearer token is required.", ApiErrorCodes.Unauthenticated);

    /// <summary>An argument is not valid, naming it.</summary>
    public static GraphQLException Validation(string field, string message) =>
        new(message, ApiErrorCodes.Validation, new Dictionary<string, object?> { ["field"] = field });
}
