using Tasks.Api.Authentication;
using Tasks.Api.Health;
using Tasks.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTaskService(builder.Configuration, builder.Environment);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = GraphQLEndpoint.MaxRequestBytes);

var app = builder.Build();
app.UseWebSockets();
app.UseAuthentication();
app.UseTokenRequirement(GraphQLEndpoint.Path);
app.MapHealth();
app.MapTaskGraphQL();
DevelopmentBanner.PrintWhenStarted(app);
app.Run();

/// <summary>The service's entry point (public so the HTTP test host can start it).</summary>
public partial class Program;
