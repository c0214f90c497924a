using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Execution.Results;
using Tasks.GraphQL.Execution.Running;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution;

/// <summary>
/// The GraphQL engine for one schema (spec §6): prepares requests (document cache, validation, operation selection,
/// variable coercion, protection limits) and executes them, writing each response straight to a
/// <see cref="Utf8JsonWriter"/>. Thread-safe; make one per schema and share it (register it as a singleton).
/// </summary>
public sealed partial class RequestExecutor : IRequestExecutor
{
    // Subscription events are framed by the transport and never embedded in HTML: JSON's minimal escaping keeps them readable.
    private static readonly JsonWriterOptions EventWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DocumentCache cache;
    private readonly ILogger logger;

    /// <summary>An engine for <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema requests run against.</param>
    /// <param name="options">Limits and switches; <see cref="ExecutionOptions.Default"/> when null.</param>
    /// <param name="logger">Where unexpected resolver failures are logged, with the correlation id clients see.</param>
    public RequestExecutor(Schema schema, ExecutionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? ExecutionOptions.Default;
        this.logger = logger ?? NullLogger.Instance;
        cache = new DocumentCache(Options.DocumentCacheSize);
    }

    /// <summary>The schema requests run against.</summary>
    public Schema Schema { get; }

    /// <summary>The options the engine was made with.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>How the document cache has fared: a hit skipped parsing and validation.</summary>
    public DocumentCacheStatistics DocumentCacheStatistics => cache.Statistics;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(PreparedRequest request, RequestContext context, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(writer);
        if (!request.IsExecutable)
        {
            WriteRequestErrors(request.RequestErrors, writer);
            return;
        }

        var plan = PlanOf(request);
        if (plan.Operation.Kind == OperationType.Subscription)
        {
            WriteRequestErrors([ErrorFactory.At("A subscription streams its results: run it with SubscribeAsync.", ErrorCodes.OperationNotSupported, plan.Operation.Operation)], writer);
            return;
        }

        using var execution = new OperationExecution(plan, Options, logger, context, writer.Options, cancellationToken);
        await execution.ExecuteAsync(writer, Options.RootValue?.Invoke(context)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SubscribeAsync(PreparedRequest request, RequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsExecutable)
        {
            yield return Buffer(writer => WriteRequestErrors(request.RequestErrors, writer));
            yield break;
        }

        var plan = PlanOf(request);
        var rootValue = Options.RootValue?.Invoke(context);
        if (plan.Operation.Kind != OperationType.Subscription)
        {
            // A query or mutation over a streaming transport: one result, then the stream ends.
            yield return await ExecuteEventAsync(plan, context, rootValue, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        IAsyncEnumerable<object?>? events;
        IReadOnlyList<GraphQLError> errors;
        using (var creation = new OperationExecution(plan, Options, logger, context, EventWriterOptions, cancellationToken))
        {
            (events, errors) = await creation.CreateSourceStreamAsync(rootValue).ConfigureAwait(false);
        }

        if (events is null)
        {
            yield return Buffer(writer => WriteRequestErrors(errors, writer));
            yield break;
        }

        // MapSourceToResponseEvent: each event runs the selection set with the event as the root value, in order.
        var source = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var (hasEvent, failure) = await MoveNextAsync(source, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    yield return Buffer(writer => WriteRequestErrors([failure], writer));
                    yield break;
                }

                if (!hasEvent)
                {
                    yield break;
                }

                yield return await ExecuteEventAsync(plan, context, source.Current, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void WriteRequestErrors(IReadOnlyList<GraphQLError> errors, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(writer);
        ResponseWriter.WriteRequestErrors(writer, errors);
    }

    private static ReadOnlyMemory<byte> Buffer(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, EventWriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }

    private ExecutionPlan PlanOf(PreparedRequest request) =>
        request.ExecutionPlan is ExecutionPlan plan && ReferenceEquals(plan.Operation.Schema, Schema)
            ? plan
            : throw new ArgumentException("The request was not prepared by this executor.", nameof(request));

    private async ValueTask<ReadOnlyMemory<byte>> ExecuteEventAsync(ExecutionPlan plan, RequestContext context, object? rootValue, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, EventWriterOptions))
        {
            using var execution = new OperationExecution(plan, Options, logger, context, EventWriterOptions, cancellationToken);
            await execution.ExecuteAsync(writer, rootValue).ConfigureAwait(false);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The next source event; the stream ends quietly when cancelled, and with one masked error when it fails.</summary>
    private async ValueTask<(bool HasEvent, GraphQLError? Failure)> MoveNextAsync(IAsyncEnumerator<object?> source, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.MoveNextAsync().ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (false, null);
        }
#pragma warning disable CA1031 // A failing source stream ends the subscription with an error rather than tearing down the transport.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (exception is GraphQLException known)
            {
                return (false, new GraphQLError(known.Message, Extensions: known.Code is null ? known.Extensions : ErrorFactory.WithCode(known.Code, known.Extensions)));
            }

            var correlationId = Guid.NewGuid().ToString("N");
            logger.LogError(exception, "A subscription's source stream failed (correlation id {CorrelationId}).", correlationId);
            return (false, new GraphQLError(
                Options.IncludeExceptionDetails ? exception.Message : "Unexpected Execution Error",
                Extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.InternalServerError, ["correlationId"] = correlationId }));
        }
    }
}
