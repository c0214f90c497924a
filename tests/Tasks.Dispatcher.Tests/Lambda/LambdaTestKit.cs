using Amazon.Runtime;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Domain.Functions;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Lambda;

/// <summary>A fake Lambda per test, an HTTP client, and invokers signed with the fake's credentials.</summary>
public abstract class LambdaTestKit : IAsyncLifetime
{
    private FakeLambdaServer? server;

    protected FakeLambdaServer Server => server ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Http { get; } = new();

    /// <summary>The fake's settings; override to change them.</summary>
    protected virtual FakeLambdaServerOptions ServerOptions => new();

    public async Task InitializeAsync() => server = await FakeLambdaServer.StartAsync(ServerOptions);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Http.Dispose();
    }

    protected BasicAWSCredentials ServerCredentials => new(Server.Options.AccessKeyId, Server.Options.SecretAccessKey);

    protected LambdaInvokerOptions Options(AWSCredentials? credentials = null) => new()
    {
        Region = Server.Options.Region,
        Endpoint = Server.Endpoint,
        Credentials = credentials ?? ServerCredentials,
        TimeoutMargin = TimeSpan.FromMilliseconds(300),
    };

    protected LambdaFunctionInvoker Invoker(AWSCredentials? credentials = null, TimeProvider? time = null) =>
        new(Http, Options(credentials), time);

    protected static FunctionDefinition Function(string name) => new()
    {
        Name = name,
        EntryPoint = "index.handler",
        Runtime = "nodejs20.x",
    };

    protected static InvocationRequest Request(string functionName, string eventJson = """{"data":{"n":1},"task":{"attempt":1}}""", TimeSpan? timeout = null) =>
        new(Function(functionName), eventJson, timeout ?? TimeSpan.FromSeconds(10), Guid.NewGuid());

    protected static InvocationFailed AssertFailed(InvocationOutcome outcome) => Assert.IsType<InvocationFailed>(outcome);
}

/// <summary>A clock shifted from the system's.</summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
