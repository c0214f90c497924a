using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tasks.Api.Authentication;

/// <summary>Mints tokens signed with the configured HS256 key: the development admin token, and tokens for tests and tools.</summary>
public static class DevelopmentTokens
{
    /// <summary>Creates a signed token for <paramref name="userId"/> (and/or <paramref name="applicationId"/>) with <paramref name="permissions"/>.</summary>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    public static string Create(AuthOptions options, string? userId, IEnumerable<string> permissions, TimeSpan lifetime, string? applicationId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(permissions);
        var key = options.SecurityKey ?? throw new InvalidOperationException("Tokens can only be minted with Auth:SigningKey.");
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Caller.PermissionsClaim] = permissions.ToArray(),
        };
        if (userId is not null)
        {
            claims[Caller.UserClaim] = userId;
        }

        if (applicationId is not null)
        {
            claims[Caller.ApplicationClaim] = applicationId;
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.EffectiveIssuer,
            Audience = options.EffectiveAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
