using System.Text.Json;
using Tasks.Api.Authentication;
using Tasks.Api.Ide;
using Tasks.Api.Schema;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport;

namespace Tasks.Api.Hosting;

/// <summary>Mounts the GraphQL endpoint, its WebSocket authentication and the schema file.</summary>
public static class GraphQLEndpoint
{
    /// <summary>Where the API is served.</summary>
    public const string Path = "/graphql";

    /// <summary>The largest request body: a base64 code package of <see cref="Projections.Code.FunctionCodeStore.MaxPackageBytes"/> plus room for the rest.</summary>
    public const long MaxRequestBytes = 28L * 1024 * 1024;

    /// <summary>Maps <c>/graphql</c> (HTTP, SSE, WebSocket, and the IDE for browsers), the IDE's assets and <c>/graphql/schema.graphql</c>.</summary>
    public static WebApplication MapTaskGraphQL(this WebApplication app, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Built now, so that a schema that does not match its resolvers stops the start, not the first request.
        _ = app.Services.GetRequiredService<IRequestExecutor>();
        app.MapGraphQL(Path, options =>
        {
            options.MaxRequestBytes = MaxRequestBytes;
            options.RequestContextFactory = CreateRequestContext;
            options.OnConnectAsync = AuthenticateSocketAsync;
            options.ServeIdePage = GraphiQLPage.ServeAsync;
            configure?.Invoke(options);
        });
        app.MapGraphiQLAssets(Path + "/ide/{file}");
        app.MapGet(Path + "/schema.graphql", () => Results.Text(TaskApiSchema.Sdl, "text/plain; charset=utf-8"));
        return app;
    }

    private static RequestContext CreateRequestContext(HttpContext http)
    {
        var header = http.Request.Headers["X-Correlation-Id"].ToString();
        var items = Guid.TryParse(header, out var correlation)
            ? new Dictionary<string, object?> { [OperationMetadata.CorrelationItem] = correlation }
            : null;
        return new RequestContext(http.User, http.RequestServices, items);
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket, so the token may come in <c>connection_init</c> as
    /// <c>{"Authorization": "Bearer …"}</c>; a header on the upgrade request works too. Without either the socket is closed (4403).
    /// </summary>
    private static async ValueTask<bool> AuthenticateSocketAsync(JsonElement? payload, HttpContext http)
    {
        if (http.User.Identity is { IsAuthenticated: true })
        {
            return true;
        }

        if (payload is not { ValueKind: JsonValueKind.Object } fields)
        {
            return false;
        }

        string? token = null;
        foreach (var property in fields.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String
                && (property.NameEquals("Authorization") || property.NameEquals("authorization") || property.NameEquals("token")))
            {
                token = property.Value.GetString();
            }
        }

        var principal = await http.RequestServices.GetRequiredService<BearerTokenValidator>().ValidateAsync(token, http.RequestAborted);
        if (principal is null)
        {
            return false;
        }

        http.User = principal;
        return true;
    }
}
