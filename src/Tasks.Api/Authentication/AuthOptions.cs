using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Tasks.Api.Authentication;

/// <summary>
/// How bearer tokens are checked (configuration section <c>Auth</c>): an HS256 shared secret (<c>SigningKey</c>, for
/// development and tests) or an OpenID Connect issuer (<c>Authority</c>), plus the expected issuer and audience.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The shortest HS256 secret accepted, in bytes (the hash's own size).</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The issuer development tokens carry when none is configured.</summary>
    public const string DevelopmentIssuer = "tasks-development";

    /// <summary>The audience development tokens carry when none is configured.</summary>
    public const string DevelopmentAudience = "tasks-api";

    /// <summary>The HS256 shared secret (UTF-8 text, at least 32 bytes).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The OpenID Connect issuer whose published keys sign tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer tokens must name; with a signing key and none given, <see cref="DevelopmentIssuer"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience tokens must name; with a signing key and none given, <see cref="DevelopmentAudience"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the authority may be reached over plain HTTP (only for local identity servers).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The effective issuer for signing-key tokens.</summary>
    public string EffectiveIssuer => string.IsNullOrWhiteSpace(Issuer) ? DevelopmentIssuer : Issuer;

    /// <summary>The effective audience for signing-key tokens.</summary>
    public string EffectiveAudience => string.IsNullOrWhiteSpace(Audience) ? DevelopmentAudience : Audience;

    /// <summary>The signing key as a security key, when one is configured.</summary>
    public SymmetricSecurityKey? SecurityKey =>
        string.IsNullOrEmpty(SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        var hasKey = !string.IsNullOrEmpty(SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(Authority);
        if (!hasKey && !hasAuthority)
        {
            return "No token issuer is configured: set Auth:SigningKey (environment variable Auth__SigningKey, an HS256 secret of at least 32 bytes) or Auth:Authority (an OpenID Connect issuer URL).";
        }

        if (hasKey && hasAuthority)
        {
            return "Set either Auth:SigningKey or Auth:Authority, not both.";
        }

        if (hasKey && Encoding.UTF8.GetByteCount(SigningKey!) < MinSigningKeyBytes)
        {
            return $"Auth:SigningKey is too short: HS256 needs at least {MinSigningKeyBytes} bytes.";
        }

        if (hasAuthority && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            return $"Auth:Authority '{Authority}' is not an absolute URL.";
        }

        if (hasAuthority && string.IsNullOrWhiteSpace(Audience))
        {
            return "Auth:Audience is required with Auth:Authority, so that tokens issued for other services are refused.";
        }

        return null;
    }
}
