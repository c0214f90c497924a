using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Tasks.Dispatcher.Deployment;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Dispatcher.Tests.Dispatching;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.Projections.Code;
using Tasks.Projections.Commands;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Deployment;

/// <summary>A fresh database, a fake Lambda that checks signatures, and deployment services to start over them.</summary>
public abstract class DeploymentHarness : IAsyncLifetime
{
    protected const string Role = "arn:aws:iam::123456789012:role/tasks-functions";
    private const string FunctionsPath = "/2015-03-31/functions";

    private readonly List<LambdaDeploymentService> services = [];
    private DispatchDatabase? db;
    private FakeLambdaServer? server;

    protected DispatchDatabase Db => db ?? throw new InvalidOperationException("Not started.");

    protected FakeLambdaServer Lambda => server ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Http { get; } = new();

    /// <summary>The fake's settings: zips over 4 KB are too large.</summary>
    protected virtual FakeLambdaServerOptions ServerOptions => new() { MaxZipBytes = 4096 };

    public async Task InitializeAsync()
    {
        db = await DispatchDatabase.CreateAsync();
        server = await FakeLambdaServer.StartAsync(ServerOptions);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        await Lambda.DisposeAsync();
        await Db.DisposeAsync();
        Http.Dispose();
    }

    protected static byte[] Zip(string content) => [0x50, 0x4B, 0x03, 0x04, .. Encoding.UTF8.GetBytes(content)];

    /// <summary>A deployment service over the database and the fake, started; <paramref name="role"/> null: none configured.</summary>
    protected async Task<LambdaDeploymentService> StartDeployerAsync(string? role = Role, int maxAttempts = 3)
    {
        var options = new LambdaDeploymentOptions
        {
            MaxAttempts = maxAttempts,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            LeaderCheckInterval = TimeSpan.FromMilliseconds(100),
            Subscription = new LogSubscriptionOptions(BatchSize: 100, PollInterval: TimeSpan.FromMilliseconds(100), RetryDelay: TimeSpan.FromMilliseconds(100)),
        };
        var connection = new LambdaInvokerOptions
        {
            Region = Lambda.Options.Region,
            Endpoint = Lambda.Endpoint,
            Credentials = new BasicAWSCredentials(Lambda.Options.AccessKeyId, Lambda.Options.SecretAccessKey),
        };
        var deployer = role is null
            ? null
            : new LambdaDeployer(Http, connection, new LambdaDeployerOptions { ExecutionRoleArn = role, PollInterval = TimeSpan.FromMilliseconds(10) });
        var follower = new FunctionDeploymentFollower(
            Db.DataSource, new FunctionCodeStore(Db.DataSource), deployer, options, TimeProvider.System, NullLogger<FunctionDeploymentFollower>.Instance);
        var service = new LambdaDeploymentService(Db.Store, follower, options, NullLogger<LambdaDeploymentService>.Instance);
        services.Add(service);
        await service.StartAsync(CancellationToken.None);
        return service;
    }

    protected static FunctionDefinition Definition(string name) => new()
    {
        Name = name,
        Description = "resizes images",
        EntryPoint = "index.handler",
        Runtime = "nodejs22.x",
        TimeLimit = 45,
        MemoryLimit = 512,
        Environment = new EquatableDictionary<string, string>([new("BUCKET", "images")]),
    };

    /// <summary>Registers <paramref name="definition"/>, storing <paramref name="zip"/> as its code when given (as the API does).</summary>
    protected Task RegisterAsync(FunctionDefinition definition, byte[]? zip)
    {
        var code = zip is null ? null : FunctionCodeStore.ReferenceOf(zip);
        return RunAsync(definition.Name, new RegisterFunction(definition with { Code = code }, Actor.System, DateTimeOffset.UtcNow), zip, code);
    }

    /// <summary>Updates a function, storing <paramref name="zip"/> as its new code when given.</summary>
    protected Task UpdateAsync(string name, FunctionPatch patch, byte[]? zip = null)
    {
        var code = zip is null ? null : FunctionCodeStore.ReferenceOf(zip);
        if (code is not null)
        {
            patch = patch with { Code = new Optional<CodeReference?>(code) };
        }

        return RunAsync(name, new UpdateFunction(patch, Actor.System, DateTimeOffset.UtcNow), zip, code);
    }

    protected Task DeleteAsync(string name) => RunAsync(name, new DeleteFunction(Actor.System, DateTimeOffset.UtcNow), null, null);

    /// <summary>Waits until <paramref name="name"/>'s deployment row satisfies <paramref name="condition"/>; fails after 30 s.</summary>
    protected async Task<FunctionDeployment> WaitForDeploymentAsync(string name, Func<FunctionDeployment, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var row = (await FunctionDeployments.ReadAllAsync(Db.DataSource)).SingleOrDefault(d => d.FunctionName == name);
            if (row is not null && condition(row))
            {
                return row;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the deployment of {name} did not reach the expected state; it is {row?.State ?? "absent"} ({row?.Error})");
            await Task.Delay(50);
        }
    }

    protected Task<FunctionDeployment> WaitUntilDeployedAsync(string name, string? codeSha256 = null) =>
        WaitForDeploymentAsync(name, d => d.State == FunctionDeploymentStates.Deployed && (codeSha256 is null || d.CodeSha256 == codeSha256));

    /// <summary>Registers a function with code and waits for its deployment: everything logged before it has been followed.</summary>
    protected async Task PassMarkerAsync(string name = "marker")
    {
        await RegisterAsync(Definition(name), Zip(name));
        await WaitUntilDeployedAsync(name);
    }

    protected async Task<IReadOnlyList<FunctionDeployment>> DeploymentsAsync() => await FunctionDeployments.ReadAllAsync(Db.DataSource);

    /// <summary>Lambda requests that changed something (neither reads nor refused), as <c>OPERATION name</c>.</summary>
    protected IReadOnlyList<string> Writes(string? function = null) =>
        [.. Lambda.Requests
            .Where(r => r.Method != "GET" && r.StatusCode < 300)
            .Select(r => $"{Operation(r)} {NameOf(r)}")
            .Where(w => function is null || w.EndsWith(" " + function, StringComparison.Ordinal))];

    private static string Operation(RecordedLambdaRequest request) => (request.Method, request.Path.EndsWith("/code", StringComparison.Ordinal), request.Path.EndsWith("/configuration", StringComparison.Ordinal)) switch
    {
        ("POST", _, _) => "CreateFunction",
        ("PUT", true, _) => "UpdateFunctionCode",
        ("PUT", _, true) => "UpdateFunctionConfiguration",
        ("DELETE", _, _) => "DeleteFunction",
        _ => $"{request.Method} {request.Path}",
    };

    private static string NameOf(RecordedLambdaRequest request)
    {
        if (request.Method == "POST" && request.Path == FunctionsPath)
        {
            using var body = System.Text.Json.JsonDocument.Parse(request.Body);
            return body.RootElement.GetProperty("FunctionName").GetString()!;
        }

        return request.Path[(FunctionsPath.Length + 1)..].Split('/')[0];
    }

    private async Task RunAsync(string name, IFunctionCommand command, byte[]? zip, CodeReference? code)
    {
        var result = await Db.Runner.RunAsync(
            FunctionStreamId.For(name),
            DomainStreams.Function,
            s => FunctionDecider.Instance.Decide(command, s).ToDecided(),
            EventMetadata.None,
            alsoWrite: zip is null || code is null ? null : (work, _, _) => work.Execute(FunctionCodeStore.StoreStatement(code, zip)));
        Assert.Null(result.Rejection);
    }
}
