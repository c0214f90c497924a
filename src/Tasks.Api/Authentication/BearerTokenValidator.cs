using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Tasks.Api.Authentication;

/// <summary>
/// Validates a bearer token outside the HTTP pipeline (a WebSocket's <c>connection_init</c> payload), with exactly the
/// rules the JWT bearer handler applies to headers.
/// </summary>
public sealed class BearerTokenValidator(IOptionsMonitor<JwtBearerOptions> jwtOptions)
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>The principal of a valid token (with or without the <c>Bearer </c> prefix), or null.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        const string Prefix = "Bearer ";
        var raw = token.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? token[Prefix.Length..].Trim() : token.Trim();
        var options = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuer ??= configuration.Issuer;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }

        var result = await handler.ValidateTokenAsync(raw, parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
