using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Authorization;

/// <summary>Tokens the service must refuse, each wrong in exactly one way compared with <see cref="ApiHost.Token"/>.</summary>
public static class TestTokens
{
    /// <summary>A token with the given claims and times; everything not given is what the service accepts.</summary>
    public static string Mint(
        string? signingKey = null,
        string? issuer = null,
        string? audience = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        bool withExpiry = true,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? AuthOptions.DevelopmentIssuer,
            Audience = audience ?? AuthOptions.DevelopmentAudience,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = withExpiry ? expires ?? now.AddHours(1) : null,
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["permissions"] = Permissions.All.ToArray() },
            Subject = new System.Security.Claims.ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? ApiHost.SigningKey)), algorithm),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry };
        return handler.CreateToken(descriptor);
    }
}
