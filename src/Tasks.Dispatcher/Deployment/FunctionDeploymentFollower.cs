using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Domain.Functions;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.EventStore.Writing;
using Tasks.Projections.Code;
using Tasks.Projections.Events;

namespace Tasks.Dispatcher.Deployment;

/// <summary>
/// Follows the log and keeps Lambda in step with the functions: one registered or updated with code is deployed
/// (<see cref="LambdaDeployer.DeployAsync"/>: created, or its code and configuration updated where they differ); one
/// without code names an existing Lambda function and is left alone; a deleted one's Lambda function is deleted only
/// when the service deployed it (it has a row in <c>function_deployments</c>). Lambda is called before the batch's
/// rows and checkpoint commit, so a crash repeats the calls, which <see cref="LambdaDeployer.DeployAsync"/> makes
/// harmless; transient failures are retried with backoff, and a deployment that still fails is recorded as failed
/// and the log moves on (the function's next update tries again).
/// </summary>
public sealed class FunctionDeploymentFollower : ILogHandler
{
    /// <summary>The follower's checkpoint.</summary>
    public const string CheckpointName = "lambda-deployment";

    /// <summary>The error recorded for a function with code when no execution role is configured.</summary>
    public const string MissingRoleMessage =
        "Dispatcher:Lambda:ExecutionRoleArn is not set: functions with code cannot be deployed to Lambda.";

    private readonly NpgsqlDataSource dataSource;
    private readonly FunctionCodeStore code;
    private readonly LambdaDeployer? deployer;
    private readonly LambdaDeploymentOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    /// <summary>Creates the follower.</summary>
    /// <param name="dataSource">The database (deployment rows).</param>
    /// <param name="code">Where functions' code packages are stored.</param>
    /// <param name="deployer">The deployer, or null when no execution role is configured (deployments are then recorded as failed).</param>
    /// <param name="options">Retries.</param>
    /// <param name="clock">The clock (attempt times, backoff).</param>
    /// <param name="logger">Where deployments are logged.</param>
    public FunctionDeploymentFollower(
        NpgsqlDataSource dataSource,
        FunctionCodeStore code,
        LambdaDeployer? deployer,
        LambdaDeploymentOptions options,
        TimeProvider clock,
        ILogger<FunctionDeploymentFollower> logger)
    {
        this.dataSource = dataSource;
        this.code = code;
        this.deployer = deployer;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
    }

    /// <inheritdoc />
    public string Name => CheckpointName;

    /// <summary>Whether functions with code can be deployed (an execution role is configured).</summary>
    public bool CanDeploy => deployer is not null;

    /// <inheritdoc />
    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, UnitOfWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(work);
        var relevant = Latest(events);
        if (relevant.Count == 0)
        {
            return;
        }

        // Rows change in memory through the batch (a function may have several events in it) and commit with the checkpoint.
        var rows = await FunctionDeployments.ReadAsync(dataSource, [.. relevant.Select(e => e.StreamId).Distinct()], cancellationToken);
        var changed = new HashSet<Guid>();
        foreach (var e in relevant)
        {
            var row = rows.GetValueOrDefault(e.StreamId);
            var next = e.Data switch
            {
                FunctionRegistered registered => await DeployAsync(e.StreamId, registered.Definition, row, cancellationToken),
                FunctionUpdated updated => await DeployAsync(e.StreamId, updated.Definition, row, cancellationToken),
                _ => await DeleteAsync(row, cancellationToken),
            };
            if (next is not null && next != row)
            {
                rows[e.StreamId] = next;
                changed.Add(e.StreamId);
            }
        }

        if (changed.Count > 0)
        {
            work.Execute(FunctionDeployments.UpsertStatement([.. changed.Select(id => rows[id])]));
        }
    }

    /// <summary>Whether a failure may pass if tried again: no answer, Lambda's own errors, throttling, conflicts that outlasted the settle timeout.</summary>
    /// <param name="error">The failure.</param>
    /// <returns>True to retry.</returns>
    public static bool IsTransient(LambdaDeploymentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorType is LambdaDeploymentException.NetworkErrorType
                or LambdaDeploymentException.CredentialsUnavailableType
                or LambdaDeploymentException.SettleTimeoutType
            || error.StatusCode is >= 500 or 429 or 409 or 408;
    }

    private async Task<FunctionDeployment?> DeployAsync(Guid streamId, FunctionDefinition function, FunctionDeployment? row, CancellationToken cancellationToken)
    {
        if (function.Code is not { } reference)
        {
            // Names a Lambda function that exists already. Clearing the code of one the service deployed leaves it as
            // last deployed, and still the service's: its row stays, and deleting the function deletes it.
            return row;
        }

        var configuration = deployer?.ConfigurationSha256(function);
        if (row is { State: FunctionDeploymentStates.Deployed }
            && row.FunctionName == function.Name
            && row.CodeSha256 == reference.Sha256Hex
            && row.ConfigurationSha256 == configuration)
        {
            // Nothing Lambda sees changed (enabling, priorities, retry policy).
            return row;
        }

        var attempt = new FunctionDeployment(streamId, function.Name, reference.Sha256Hex, configuration, FunctionDeploymentStates.Failed, null, default, row?.DeployedAt);
        if (deployer is null)
        {
            return Failed(attempt, MissingRoleMessage);
        }

        var zip = await code.ReadAsync(reference.Sha256Hex, cancellationToken);
        if (zip is null)
        {
            return Failed(attempt, $"The code package {reference.Sha256Hex} is not stored.");
        }

        var (deployed, deployment, error) = await TryAsync(function.Name, ct => deployer.DeployAsync(function, zip, ct), cancellationToken);
        if (!deployed || deployment is null)
        {
            return Failed(attempt, error!);
        }

        logger.LogInformation("Lambda function {Function}: {Action} (code {CodeSha256})", function.Name, deployment.Action, reference.Sha256Hex);
        var now = clock.GetUtcNow();
        return attempt with { State = FunctionDeploymentStates.Deployed, AttemptedAt = now, DeployedAt = now };
    }

    private async Task<FunctionDeployment?> DeleteAsync(FunctionDeployment? row, CancellationToken cancellationToken)
    {
        if (row is null or { State: FunctionDeploymentStates.Deleted })
        {
            // Never deployed by the service: the Lambda function is someone else's.
            return row;
        }

        if (deployer is null)
        {
            return Failed(row, MissingRoleMessage);
        }

        var (succeeded, existed, error) = await TryAsync(row.FunctionName, ct => deployer.DeleteAsync(row.FunctionName, ct), cancellationToken);
        if (!succeeded)
        {
            return Failed(row, error!);
        }

        logger.LogInformation("Lambda function {Function}: deleted{Absent}", row.FunctionName, existed ? string.Empty : " (Lambda no longer had it)");
        return row with { State = FunctionDeploymentStates.Deleted, Error = null, AttemptedAt = clock.GetUtcNow() };
    }

    private FunctionDeployment Failed(FunctionDeployment row, string error)
    {
        logger.LogWarning("Lambda function {Function} could not be deployed or deleted: {Error}", row.FunctionName, error);
        return row with { State = FunctionDeploymentStates.Failed, Error = error, AttemptedAt = clock.GetUtcNow() };
    }

    // Retries transient failures with backoff, up to MaxAttempts; the result, or why it failed. Cancellation (shutdown,
    // losing leadership) propagates: the batch is then not committed and runs again, never skipped.
    private async Task<(bool Succeeded, T? Result, string? Error)> TryAsync<T>(string function, Func<CancellationToken, Task<T>> act, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string error;
            bool transient;
            try
            {
                return (true, await act(cancellationToken), null);
            }
            catch (LambdaDeploymentException e)
            {
                error = e.Message;
                transient = IsTransient(e);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The HTTP client's own timeout.
                error = $"Lambda did not answer for function '{function}' in time.";
                transient = true;
            }

            if (!transient || attempt >= options.MaxAttempts)
            {
                return (false, default, transient ? $"{error} (gave up after {attempt} attempts)" : error);
            }

            var delay = options.BackoffFor(attempt);
            logger.LogInformation("Lambda function {Function}: attempt {Attempt} failed ({Error}); retrying in {Delay}", function, attempt, error, delay);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    // The function events that matter, in log order: a registration or update followed in the batch by another event of
    // its function is superseded (the later definition, or the deletion, is what Lambda must end up with). Replaying a
    // batch after a crash then asks Lambda only for the state it was being brought to, never an older one.
    private static List<RecordedEvent> Latest(IReadOnlyList<RecordedEvent> events)
    {
        var latest = new List<RecordedEvent>();
        var later = new HashSet<Guid>();
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var e = events[i];
            if (e.StreamType != DomainEventTypes.FunctionStream || e.Data is not (FunctionRegistered or FunctionUpdated or FunctionDeleted))
            {
                continue;
            }

            if (e.Data is FunctionDeleted || later.Add(e.StreamId))
            {
                latest.Add(e);
                later.Add(e.StreamId);
            }
        }

        latest.Reverse();
        return latest;
    }
}
