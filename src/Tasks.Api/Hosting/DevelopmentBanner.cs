using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tasks.Api.Authentication;

namespace Tasks.Api.Hosting;

/// <summary>In development, prints where the API is and a ready admin token, so that `make run` is one step from a first query.</summary>
public static class DevelopmentBanner
{
    /// <summary>How long the printed admin token is valid.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    /// <summary>Prints the banner once the server listens (development with a signing key only).</summary>
    public static void PrintWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<AuthOptions>();
        if (!app.Environment.IsDevelopment() || options.SecurityKey is null)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var token = DevelopmentTokens.Create(options, "admin", Permissions.All, TokenLifetime);
            foreach (var address in addresses)
            {
                Console.WriteLine($"GraphQL API and IDE: {address.TrimEnd('/')}{GraphQLEndpoint.Path}");
            }

            Console.WriteLine($"Development admin token (every permission, valid {TokenLifetime.TotalDays:0} days); send it as Authorization: Bearer <token>:");
            Console.WriteLine(token);
        });
    }
}
