using Tasks.Api.Errors;
using Tasks.GraphQL.Execution.Resolving;

namespace Tasks.Api.Authentication;

/// <summary>Permission checks for resolvers: a missing permission is a FORBIDDEN error on the field asked for.</summary>
public static class Authorization
{
    private const string CallerKey = "tasks.caller";

    /// <summary>The caller of the operation (read from the token once per operation).</summary>
    public static Caller Caller(this IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestItems.TryGetValue(CallerKey, out var cached))
        {
            return (Caller)cached;
        }

        var caller = Authentication.Caller.From(context.Request.User);
        context.RequestItems[CallerKey] = caller;
        return caller;
    }

    /// <summary>Returns the caller when the token grants <paramref name="permission"/>; otherwise throws.</summary>
    /// <exception cref="GraphQL.Execution.GraphQLException">UNAUTHENTICATED without a token, FORBIDDEN without the permission.</exception>
    public static Caller Require(this IResolverContext context, string permission)
    {
        var caller = context.Caller();
        if (!caller.IsAuthenticated)
        {
            throw ApiExceptions.Unauthenticated();
        }

        return caller.Has(permission) ? caller : throw ApiExceptions.Forbidden(permission);
    }
}
