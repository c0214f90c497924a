using Tasks.Api.Health;
using Tasks.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTaskService(builder.Configuration);

var app = builder.Build();
app.MapHealth();
app.Run();

/// <summary>The service's entry point (public so the HTTP test host can start it).</summary>
public partial class Program;
