using System.Security.Claims;

namespace Tasks.GraphQL.Execution;

/// <summary>What a transport knows about the caller, handed to resolvers.</summary>
/// <param name="User">The authenticated (or anonymous) caller.</param>
/// <param name="Services">The request's service scope.</param>
/// <param name="Items">Per-request state a host wants resolvers to see.</param>
public sealed record RequestContext(ClaimsPrincipal User, IServiceProvider Services, IReadOnlyDictionary<string, object?>? Items = null);
