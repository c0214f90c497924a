using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution.Batching;
using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// One execution of a prepared operation (spec §6.3): ExecuteSelectionSet, ExecuteField, CompleteValue, with null
/// propagation, writing the response once the root selection set is complete. Every method here runs on the
/// execution's <see cref="ExecutionScheduler"/>, one at a time, so its state needs no locks.
/// </summary>
internal sealed partial class OperationExecution : IDisposable
{
    private readonly ExecutionPlan plan;
    private readonly ExecutionOptions options;
    private readonly ILogger logger;
    private readonly CancellationToken requestAborted;
    private readonly CancellationTokenSource? timeoutSource;
    private readonly JsonWriterOptions leafOptions;
    private readonly SlotArena slots = new();
    private List<GraphQLError>? errors;
    private ExecutionScheduler? scheduler;
    private LeafArena? arena;
    private BatchLoaderScope? loaders;
    private ConcurrentDictionary<string, object>? items;

    public OperationExecution(ExecutionPlan plan, ExecutionOptions options, ILogger logger, RequestContext request, JsonWriterOptions writerOptions, CancellationToken cancellationToken)
    {
        this.plan = plan;
        this.options = options;
        this.logger = logger;
        Request = request;
        requestAborted = cancellationToken;
        leafOptions = new JsonWriterOptions { Encoder = writerOptions.Encoder };
        if (options.ExecutionTimeout != Timeout.InfiniteTimeSpan)
        {
            timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(options.ExecutionTimeout);
            CancellationToken = timeoutSource.Token;
        }
        else
        {
            CancellationToken = cancellationToken;
        }
    }

    public Schema Schema => plan.Operation.Schema;

    /// <summary>Whether the response has been written and the result's memory returned: positions no longer mean anything.</summary>
    public bool HasEnded { get; private set; }

    public RequestContext Request { get; }

    /// <summary>Fires when the caller cancels or the execution times out.</summary>
    public CancellationToken CancellationToken { get; }

    public IDictionary<string, object> RequestItems =>
        items ?? Interlocked.CompareExchange(ref items, new ConcurrentDictionary<string, object>(StringComparer.Ordinal), null) ?? items;

    /// <summary>The request's batch loaders, dispatched by the scheduler; created on the first load (from any thread).</summary>
    public BatchLoaderScope Loaders
    {
        get
        {
            if (Volatile.Read(ref loaders) is { } existing)
            {
                return existing;
            }

            var scheduler = Scheduler;
            var created = new BatchLoaderScope(scheduler.Enqueue, scheduler.Wake, CancellationToken);
            if (Interlocked.CompareExchange(ref loaders, created, null) is { } raced)
            {
                return raced;
            }

            scheduler.Loaders = created;
            RequestItems[BatchLoading.ScopeKey] = created;
            // A racing thread may already have queued a load on this scope before the scheduler could see it.
            scheduler.Wake();
            return created;
        }
    }

    /// <summary>Created when something first goes asynchronous: a fully synchronous execution never needs one.</summary>
    private ExecutionScheduler Scheduler =>
        Volatile.Read(ref scheduler) ?? Interlocked.CompareExchange(ref scheduler, new ExecutionScheduler(), null) ?? scheduler;

    private LeafArena Arena => arena ??= new LeafArena(leafOptions);

    private List<GraphQLError> Errors => errors ??= [];

    /// <summary>Executes the operation with <paramref name="rootValue"/> as the root object and writes the response.</summary>
    public async ValueTask ExecuteAsync(Utf8JsonWriter writer, object? rootValue)
    {
        var selection = plan.Operation.GetRootPlan(plan);
        var (chunk, offset) = slots.Allocate(selection.Fields.Length, selection, default);
        var running = WithoutSynchronizationContext(
            (Execution: this, Selection: selection, RootValue: rootValue, Chunk: chunk, Offset: offset),
            static start => start.Execution.plan.Operation.Kind == OperationType.Mutation
                ? start.Execution.ExecuteSeriallyAsync(start.Selection, start.RootValue, start.Chunk, start.Offset)
                : start.Execution.ExecuteSelectionSet(start.Selection.Type, start.RootValue, start.Selection, start.Chunk, start.Offset));
        bool dataIsNull;
        if (running.IsCompleted)
        {
            dataIsNull = running.GetAwaiter().GetResult();
        }
        else
        {
            var root = running.AsTask();
            await Scheduler.RunAsync(root, AbortReason, CancellationToken).ConfigureAwait(false);
            dataIsNull = await root.ConfigureAwait(false);
        }

        requestAborted.ThrowIfCancellationRequested();
        ResponseWriter.Write(writer, dataIsNull ? null : chunk, offset, selection, (IReadOnlyList<GraphQLError>?)errors ?? [], arena);
    }

    /// <summary>
    /// CreateSourceEventStream (spec §6.2.3.1): calls the subscription root field's <see cref="FieldDefinition.Subscriber"/>.
    /// Returns the stream, or the request errors that stop the subscription.
    /// </summary>
    public async ValueTask<(IAsyncEnumerable<object?>? Events, IReadOnlyList<GraphQLError> Errors)> CreateSourceStreamAsync(object? rootValue)
    {
        var selection = plan.Operation.GetRootPlan(plan);
        var index = Array.FindIndex(selection.Fields, f => f.Kind != FieldKind.TypeName);
        if (index < 0)
        {
            return (null, [new GraphQLError("A subscription must select one field of the subscription type.", ErrorFactory.Locate(plan.Operation.Operation), Extensions: ErrorFactory.WithCode(ErrorCodes.ValidationFailed, null))]);
        }

        var field = selection.Fields[index];
        var (chunk, offset) = slots.Allocate(selection.Fields.Length, selection, default);
        var position = new ResultPosition(chunk, offset, offset + index);
        if (field.Definition.Subscriber is not { } subscriber)
        {
            return (null, [new GraphQLError($"The subscription field \"{field.Coordinate}\" has no source stream: bind one with SchemaBuilder.Subscribe.", field.Locations, [field.ResponseKey], ErrorFactory.WithCode(ErrorCodes.InternalServerError, null))]);
        }

        var arguments = ArgumentsOf(field, out var argumentError);
        if (arguments is null)
        {
            return (null, [new GraphQLError(argumentError!, field.Locations, [field.ResponseKey], ErrorFactory.WithCode(ErrorCodes.BadUserInput, null))]);
        }

        var context = new ResolverContext(this, field, selection.Type, rootValue, arguments, position);
        try
        {
            var subscribing = WithoutSynchronizationContext((Subscriber: subscriber, Context: context), static start => SubscribeAsync(start.Subscriber, start.Context));
            object? stream;
            if (subscribing.IsCompleted)
            {
                stream = subscribing.GetAwaiter().GetResult();
            }
            else
            {
                var waiting = AwaitValue(subscribing).AsTask();
                await Scheduler.RunAsync(waiting, AbortReason, CancellationToken).ConfigureAwait(false);
                stream = await waiting.ConfigureAwait(false);
            }

            if (stream is IAsyncEnumerable<object?> events)
            {
                return (events, []);
            }

            return (null, [new GraphQLError($"The source stream of \"{field.Coordinate}\" is null.", field.Locations, [field.ResponseKey], ErrorFactory.WithCode(ErrorCodes.InternalServerError, null))]);
        }
#pragma warning disable CA1031 // A failing subscriber is reported to the client like any resolver failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(field, position, exception);
            return (null, [.. Errors]);
        }
    }

    public void Dispose()
    {
        HasEnded = true;
        timeoutSource?.Dispose();
        arena?.Dispose();
        slots.Dispose();
    }

    /// <summary>
    /// Starts the execution with no <see cref="SynchronizationContext"/>: the executor resumes only through its scheduler,
    /// and resolvers started here must not post their continuations back to the caller's context (a UI or test
    /// context would then have to run them, and batch results could not be delivered where the executor runs).
    /// </summary>
    private static T WithoutSynchronizationContext<TState, T>(TState state, Func<TState, T> start)
    {
        var caller = SynchronizationContext.Current;
        if (caller is null)
        {
            return start(state);
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(caller);
        }
    }

    private static async ValueTask<object?> SubscribeAsync(Resolving.SubscriptionResolver subscriber, ResolverContext context) =>
        await subscriber(context).ConfigureAwait(false);

    private async ValueTask<object?> AwaitValue(ValueTask<object?> pending) => await Scheduler.Await(pending);

    private Exception AbortReason() => requestAborted.IsCancellationRequested
        ? new OperationCanceledException(requestAborted)
        : new ExecutionTimedOutException(options.ExecutionTimeout);
}
