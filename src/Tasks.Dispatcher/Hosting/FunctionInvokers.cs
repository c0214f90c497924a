using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Dispatcher.Invoking.Local;
using Tasks.Projections.Code;

namespace Tasks.Dispatcher.Hosting;

/// <summary>The invoker for each <c>Dispatcher:Runtime</c>.</summary>
public static class FunctionInvokers
{
    /// <summary>The longest a Lambda call may take: the longest time limit plus room to answer.</summary>
    public static readonly TimeSpan LambdaHttpTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Makes the invoker for <paramref name="runtime"/>, or null for an unknown runtime.</summary>
    public static IFunctionInvoker? Create(IServiceProvider services, IConfiguration configuration, string runtime)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return runtime switch
        {
            "lambda" => new LambdaFunctionInvoker(
                new HttpClient { Timeout = LambdaHttpTimeout },
                new LambdaInvokerOptions
                {
                    Region = configuration["Dispatcher:Lambda:Region"],
                    Endpoint = configuration["Dispatcher:Lambda:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
                    // Explicit keys are for local endpoints and tests; otherwise the standard AWS chain applies.
                    Credentials = configuration["Dispatcher:Lambda:AccessKeyId"] is { Length: > 0 } key
                        ? new Amazon.Runtime.BasicAWSCredentials(key, configuration["Dispatcher:Lambda:SecretAccessKey"] ?? "")
                        : null,
                }.WithEnvironmentDefaults(Environment.GetEnvironmentVariable)),
            "local" => new LocalFunctionInvoker(
                services.GetRequiredService<FunctionCodeStore>(),
                new LocalRuntimeOptions(CacheRoot: configuration["Dispatcher:Local:CacheRoot"]),
                services.GetRequiredService<ILogger<LocalFunctionInvoker>>()),
            _ => null,
        };
    }
}
