using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.Dispatcher.Deployment;
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
            "lambda" => new LambdaFunctionInvoker(new HttpClient { Timeout = LambdaHttpTimeout }, LambdaConnection(configuration)),
            "local" => new LocalFunctionInvoker(
                services.GetRequiredService<FunctionCodeStore>(),
                new LocalRuntimeOptions(CacheRoot: configuration["Dispatcher:Local:CacheRoot"]),
                services.GetRequiredService<ILogger<LocalFunctionInvoker>>()),
            _ => null,
        };
    }

    /// <summary>
    /// How to reach Lambda, from <c>Dispatcher:Lambda:Region</c>, <c>Endpoint</c>, <c>AccessKeyId</c> and
    /// <c>SecretAccessKey</c>, then the standard AWS environment variables and credential chain.
    /// </summary>
    public static LambdaInvokerOptions LambdaConnection(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new LambdaInvokerOptions
        {
            Region = configuration["Dispatcher:Lambda:Region"],
            Endpoint = configuration["Dispatcher:Lambda:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
            // Explicit keys are for local endpoints and tests; otherwise the standard AWS chain applies.
            Credentials = configuration["Dispatcher:Lambda:AccessKeyId"] is { Length: > 0 } key
                ? new Amazon.Runtime.BasicAWSCredentials(key, configuration["Dispatcher:Lambda:SecretAccessKey"] ?? "")
                : null,
        }.WithEnvironmentDefaults(Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// The deployer's settings: <c>Dispatcher:Lambda:ExecutionRoleArn</c> (the role deployed functions run as),
    /// <c>Dispatcher:Lambda:DeployPollInterval</c> and <c>Dispatcher:Lambda:DeploySettleTimeout</c>; null when no role is set.
    /// </summary>
    public static LambdaDeployerOptions? LambdaDeployer(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Dispatcher:Lambda:ExecutionRoleArn"] is not { } role || string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        var defaults = new LambdaDeployerOptions { ExecutionRoleArn = role.Trim() };
        return defaults with
        {
            PollInterval = configuration.GetValue<TimeSpan?>("Dispatcher:Lambda:DeployPollInterval") ?? defaults.PollInterval,
            SettleTimeout = configuration.GetValue<TimeSpan?>("Dispatcher:Lambda:DeploySettleTimeout") ?? defaults.SettleTimeout,
        };
    }

    /// <summary>
    /// The deployment follower's settings (<c>Dispatcher:Lambda:Deployment:MaxAttempts</c>, <c>RetryDelay</c>,
    /// <c>MaxRetryDelay</c>, <c>LeaderCheckInterval</c>); defaults where unset.
    /// </summary>
    public static LambdaDeploymentOptions LambdaDeployment(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Dispatcher:Lambda:Deployment");
        var defaults = new LambdaDeploymentOptions();
        return defaults with
        {
            MaxAttempts = Math.Max(1, section.GetValue<int?>("MaxAttempts") ?? defaults.MaxAttempts),
            RetryDelay = section.GetValue<TimeSpan?>("RetryDelay") ?? defaults.RetryDelay,
            MaxRetryDelay = section.GetValue<TimeSpan?>("MaxRetryDelay") ?? defaults.MaxRetryDelay,
            LeaderCheckInterval = section.GetValue<TimeSpan?>("LeaderCheckInterval") ?? defaults.LeaderCheckInterval,
        };
    }
}
