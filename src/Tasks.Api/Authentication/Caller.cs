using System.Security.Claims;
using Tasks.Domain.Identity;

namespace Tasks.Api.Authentication;

/// <summary>Who is calling, as the bearer token says: a user, an application, and the permissions granted.</summary>
public sealed class Caller
{
    /// <summary>The claim that lists permissions (one claim per permission, or a JSON array).</summary>
    public const string PermissionsClaim = "permissions";

    /// <summary>The claim naming the user.</summary>
    public const string UserClaim = "sub";

    /// <summary>The claim naming the application, for tokens issued to applications.</summary>
    public const string ApplicationClaim = "application_id";

    private readonly HashSet<string> permissions;

    private Caller(bool isAuthenticated, string? userId, string? applicationId, HashSet<string> permissions)
    {
        IsAuthenticated = isAuthenticated;
        UserId = userId;
        ApplicationId = applicationId;
        this.permissions = permissions;
    }

    /// <summary>Whether a valid token was presented.</summary>
    public bool IsAuthenticated { get; }

    /// <summary>The user's id, when a user calls.</summary>
    public string? UserId { get; }

    /// <summary>The application's id, when an application calls.</summary>
    public string? ApplicationId { get; }

    /// <summary>The permissions granted, sorted.</summary>
    public IReadOnlyList<string> Permissions => [.. permissions.Order(StringComparer.Ordinal)];

    /// <summary>The caller as the domain records it on events.</summary>
    public Actor Actor => new(UserId, ApplicationId);

    /// <summary>Reads the caller from an authenticated (or anonymous) principal.</summary>
    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true })
        {
            return new Caller(false, null, null, []);
        }

        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(PermissionsClaim))
        {
            // A space-separated scope-like value is accepted too, as some issuers flatten arrays that way.
            foreach (var permission in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                granted.Add(permission);
            }
        }

        return new Caller(true, NonEmpty(principal.FindFirst(UserClaim)?.Value), NonEmpty(principal.FindFirst(ApplicationClaim)?.Value), granted);
    }

    /// <summary>Whether the token grants <paramref name="permission"/>.</summary>
    public bool Has(string permission) => permissions.Contains(permission);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
