namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>How <see cref="LambdaDeployer"/> creates and updates functions.</summary>
public sealed record LambdaDeployerOptions
{
    /// <summary>The ARN of the IAM role deployed functions run as (required).</summary>
    public required string ExecutionRoleArn { get; init; }

    /// <summary>How often to ask Lambda whether a creation or update has settled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one deployment step may take to settle before the deployment fails.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
