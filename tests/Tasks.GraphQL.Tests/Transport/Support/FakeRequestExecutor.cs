using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Tests.Transport.Support;

/// <summary>
/// A stand-in engine that recognises a handful of documents by their exact text, so transport tests can provoke
/// every outcome the transport must map: data, field errors, request errors, mutations, subscriptions, failures.
/// </summary>
internal sealed class FakeRequestExecutor : IRequestExecutor
{
    public const string SecretInExceptions = "Password=hunter2";
    public const string PersistedHelloId = "sha256:0d4d2f6e8b1a";

    private enum Plan
    {
        Hello,
        Echo,
        Failing,
        Boom,
        Slow,
        Mutation,
        Ticks,
        Forever,
        Idle,
        Explode,
    }

    /// <summary>Every request that reached <see cref="PrepareAsync"/>, with the context it came with.</summary>
    public ConcurrentQueue<(GraphQLRequest Request, RequestContext Context)> Prepared { get; } = new();

    /// <summary>Released each time a long-running operation (forever, idle, slow) starts.</summary>
    public SemaphoreSlim LongRunningStarted { get; } = new(0);

    /// <summary>Released each time a long-running operation sees its cancellation token fire.</summary>
    public SemaphoreSlim CancellationObserved { get; } = new(0);

    public ValueTask<PreparedRequest> PrepareAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Prepared.Enqueue((request, context));
        if (request.DocumentId is not null)
        {
            return ValueTask.FromResult(request.DocumentId == PersistedHelloId
                ? Executable(Plan.Hello, request)
                : Failed("Persisted document not found.", code: "PERSISTED_DOCUMENT_NOT_FOUND"));
        }

        return ValueTask.FromResult(request.Query?.Trim() switch
        {
            "{ hello }" => Executable(Plan.Hello, request),
            "{ echo }" => Executable(Plan.Echo, request),
            "{ failing }" => Executable(Plan.Failing, request),
            "{ boom }" => Executable(Plan.Boom, request),
            "{ slow }" => Executable(Plan.Slow, request),
            "{ prepareBoom }" => throw new InvalidOperationException("prepare failed: " + SecretInExceptions),
            "mutation { m }" => Executable(Plan.Mutation, request),
            "subscription { ticks }" => Executable(Plan.Ticks, request),
            "subscription { forever }" => Executable(Plan.Forever, request),
            "subscription { idle }" => Executable(Plan.Idle, request),
            "subscription { explode }" => Executable(Plan.Explode, request),
            "query A { hello } mutation B { m }" => request.OperationName switch
            {
                "A" => Executable(Plan.Hello, request),
                "B" => Executable(Plan.Mutation, request),
                _ => Failed("Must provide operation name if query contains multiple operations."),
            },
            "{ bad" => Failed("Syntax Error: Expected Name, found <EOF>.", new ErrorLocation(1, 6), "GRAPHQL_PARSE_FAILED"),
            _ => Failed("Cannot query field on type \"Query\".", new ErrorLocation(1, 3), "GRAPHQL_VALIDATION_FAILED"),
        });
    }

    public async ValueTask ExecuteAsync(PreparedRequest request, RequestContext context, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var (plan, graphQLRequest) = ((Plan, GraphQLRequest))request.ExecutionPlan!;
        switch (plan)
        {
            case Plan.Hello:
                writer.WriteRawValue("""{"data":{"hello":"world"}}""");
                break;
            case Plan.Mutation:
                writer.WriteRawValue("""{"data":{"m":true}}""");
                break;
            case Plan.Failing:
                writer.WriteRawValue("""{"data":null,"errors":[{"message":"failing resolver","path":["failing"]}]}""");
                break;
            case Plan.Echo:
                WriteEcho(writer, graphQLRequest, context);
                break;
            case Plan.Boom:
                throw new InvalidOperationException("resolver exploded: " + SecretInExceptions);
            case Plan.Slow:
                await WaitUntilCancelledAsync(cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"{plan} is not a query or mutation.");
        }
    }

    public IAsyncEnumerable<ReadOnlyMemory<byte>> SubscribeAsync(PreparedRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var (plan, _) = ((Plan, GraphQLRequest))request.ExecutionPlan!;
        return plan switch
        {
            Plan.Ticks => TicksAsync(cancellationToken),
            Plan.Forever => ForeverAsync(cancellationToken),
            Plan.Idle => IdleAsync(cancellationToken),
            Plan.Explode => ExplodeAsync(cancellationToken),
            _ => throw new InvalidOperationException($"{plan} is not a subscription."),
        };
    }

    public void WriteRequestErrors(IReadOnlyList<GraphQLError> errors, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("message", error.Message);
            if (error.Locations is { } locations)
            {
                writer.WriteStartArray("locations");
                foreach (var location in locations)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", location.Line);
                    writer.WriteNumber("column", location.Column);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (error.Extensions?.GetValueOrDefault("code") is string code)
            {
                writer.WriteStartObject("extensions");
                writer.WriteString("code", code);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static PreparedRequest Executable(Plan plan, GraphQLRequest request) => new(
        isMutation: plan == Plan.Mutation,
        isSubscription: plan is Plan.Ticks or Plan.Forever or Plan.Idle or Plan.Explode,
        executionPlan: (plan, request));

    private static PreparedRequest Failed(string message, ErrorLocation? location = null, string code = "GRAPHQL_VALIDATION_FAILED") => new(
        [new GraphQLError(message, location is { } at ? [at] : null, Extensions: new Dictionary<string, object?> { ["code"] = code })]);

    private static void WriteEcho(Utf8JsonWriter writer, GraphQLRequest request, RequestContext context)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteStartObject("echo");
        writer.WriteString("operationName", request.OperationName);
        writer.WriteString("documentId", request.DocumentId);
        writer.WritePropertyName("variables");
        WriteOptional(writer, request.Variables);
        writer.WritePropertyName("extensions");
        WriteOptional(writer, request.Extensions);
        writer.WriteString("user", context.User.Identity?.Name);
        writer.WriteString("tenant", context.Items?.GetValueOrDefault("tenant") as string);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> TicksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var tick = 1; tick <= 3; tick++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Utf8($$$"""{"data":{"ticks":{{{tick}}}}}""");
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> ForeverAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LongRunningStarted.Release();
        for (var count = 1; ; count++)
        {
            await DelayObservingCancellationAsync(TimeSpan.FromMilliseconds(20), cancellationToken);
            yield return Utf8($$$"""{"data":{"forever":{{{count}}}}}""");
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> IdleAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await WaitUntilCancelledAsync(cancellationToken);
        yield break;
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ExplodeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return Utf8("""{"data":{"explode":1}}""");
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("source stream broke: " + SecretInExceptions);
    }

    private async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        LongRunningStarted.Release();
        await DelayObservingCancellationAsync(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    private async Task DelayObservingCancellationAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            CancellationObserved.Release();
            throw;
        }
    }
}
