using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Tasks.Api.Authentication;

/// <summary>Registers JWT bearer authentication from the <c>Auth</c> configuration section.</summary>
public static class AuthenticationSetup
{
    /// <summary>
    /// Adds bearer authentication. Outside development a signing key or an authority is required; in development
    /// without either, an ephemeral key is generated so that the service still starts (its tokens die with the process).
    /// </summary>
    /// <exception cref="InvalidOperationException">The configuration cannot authenticate anyone.</exception>
    public static IServiceCollection AddTaskAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (environment.IsDevelopment() && string.IsNullOrEmpty(options.SigningKey) && string.IsNullOrWhiteSpace(options.Authority))
        {
            options.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }

        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(options);
        services.AddSingleton<BearerTokenValidator>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt => Configure(jwt, options));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        // Keep claim names as issued (sub, permissions), not mapped to long XML-namespace names.
        jwt.MapInboundClaims = false;
        if (options.SecurityKey is { } key)
        {
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.EffectiveIssuer,
                ValidateAudience = true,
                ValidAudience = options.EffectiveAudience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = Caller.UserClaim,
            };
            return;
        }

        jwt.Authority = options.Authority;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(options.Issuer) ? null : options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = Caller.UserClaim,
        };
    }
}
