using System.Security.Cryptography;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Lambda;

public class LambdaDeployerTests : LambdaTestKit
{
    private const string Role = "arn:aws:iam::123456789012:role/tasks-functions";

    protected static readonly byte[] FirstZip = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3];
    protected static readonly byte[] SecondZip = [0x50, 0x4B, 0x03, 0x04, 4, 5, 6, 7];

    protected LambdaDeployer Deployer(LambdaDeployerOptions? options = null) =>
        new(Http, Options(), options ?? new LambdaDeployerOptions { ExecutionRoleArn = Role, PollInterval = TimeSpan.FromMilliseconds(10) });

    protected static FunctionDefinition Definition(string name) => new()
    {
        Name = name,
        Description = "resizes images",
        EntryPoint = "index.handler",
        Runtime = "nodejs20.x",
        TimeLimit = 45,
        MemoryLimit = 512,
        Environment = new EquatableDictionary<string, string>([new("BUCKET", "images"), new("MODE", "fast")]),
    };

    [Fact]
    public async Task Deploying_a_new_function_creates_it_with_its_code_configuration_and_the_execution_role()
    {
        var deployment = await Deployer().DeployAsync(Definition("resize"), FirstZip);

        Assert.Equal(LambdaDeploymentAction.Created, deployment.Action);
        var function = Server.FindFunction("resize");
        Assert.NotNull(function);
        Assert.Equal(FirstZip, function.Code);
        Assert.Equal("nodejs20.x", function.Runtime);
        Assert.Equal("index.handler", function.Handler);
        Assert.Equal(Role, function.Role);
        Assert.Equal(45, function.Timeout);
        Assert.Equal(512, function.MemorySize);
        Assert.Equal("resizes images", function.Description);
        Assert.Equal(new Dictionary<string, string> { ["BUCKET"] = "images", ["MODE"] = "fast" }, function.Environment);
        Assert.Equal(function.Arn, deployment.FunctionArn);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(FirstZip)), deployment.CodeSha256);
        Assert.All(Server.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task A_deployed_function_can_be_invoked()
    {
        await Deployer().DeployAsync(Definition("resize"), FirstZip);

        var outcome = await Invoker().InvokeAsync(Request("resize", """{"data":1}"""), CancellationToken.None);

        Assert.Equal("""{"data":1}""", Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
    }

    [Fact]
    public async Task Deploying_an_existing_function_updates_its_code_then_its_configuration()
    {
        Server.AddFunction("resize");

        var deployment = await Deployer().DeployAsync(Definition("resize") with { MemoryLimit = 1024 }, SecondZip);

        Assert.Equal(LambdaDeploymentAction.Updated, deployment.Action);
        var function = Server.FindFunction("resize")!;
        Assert.Equal(SecondZip, function.Code);
        Assert.Equal(1024, function.MemorySize);
        Assert.Equal((1, 1), (function.CodeUpdates, function.ConfigurationUpdates));
        var writes = Server.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path}");
        Assert.Equal(["PUT /2015-03-31/functions/resize/code", "PUT /2015-03-31/functions/resize/configuration"], writes);
    }

    [Fact]
    public async Task A_function_can_be_created_then_updated_then_deleted()
    {
        var deployer = Deployer();

        var created = await deployer.DeployAsync(Definition("lifecycle"), FirstZip);
        var updated = await deployer.DeployAsync(Definition("lifecycle") with { TimeLimit = 60, Environment = new() }, SecondZip);
        var deleted = await deployer.DeleteAsync("lifecycle");

        Assert.Equal(LambdaDeploymentAction.Created, created.Action);
        Assert.Equal(LambdaDeploymentAction.Updated, updated.Action);
        Assert.NotEqual(created.CodeSha256, updated.CodeSha256);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(SecondZip)), updated.CodeSha256);
        Assert.True(deleted);
        Assert.Null(Server.FindFunction("lifecycle"));
        var failed = AssertFailed(await Invoker().InvokeAsync(Request("lifecycle"), CancellationToken.None));
        Assert.Equal(LambdaErrorTypes.FunctionNotFound, failed.Error.Type);
    }

    [Fact]
    public async Task Updating_clears_environment_variables_the_definition_no_longer_has()
    {
        var deployer = Deployer();
        await deployer.DeployAsync(Definition("resize"), FirstZip);

        await deployer.DeployAsync(Definition("resize") with { Environment = new EquatableDictionary<string, string>([new("MODE", "slow")]) }, FirstZip);

        Assert.Equal(new Dictionary<string, string> { ["MODE"] = "slow" }, Server.FindFunction("resize")!.Environment);
    }

    [Fact]
    public async Task Deploying_the_same_definition_and_code_again_writes_nothing()
    {
        var deployer = Deployer();
        await deployer.DeployAsync(Definition("resize"), FirstZip);

        var again = await deployer.DeployAsync(Definition("resize"), FirstZip);

        Assert.Equal(LambdaDeploymentAction.Unchanged, again.Action);
        Assert.Equal(["POST /2015-03-31/functions"], Server.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Deploying_new_limits_with_the_same_code_updates_only_the_configuration()
    {
        var deployer = Deployer();
        await deployer.DeployAsync(Definition("resize"), FirstZip);

        var deployment = await deployer.DeployAsync(Definition("resize") with { MemoryLimit = 2048, TimeLimit = 90 }, FirstZip);

        Assert.Equal(LambdaDeploymentAction.ConfigurationUpdated, deployment.Action);
        var function = Server.FindFunction("resize")!;
        Assert.Equal((2048, 90), (function.MemorySize, function.Timeout));
        Assert.Equal((0, 1), (function.CodeUpdates, function.ConfigurationUpdates));
    }

    [Fact]
    public async Task Deleting_a_function_lambda_does_not_know_reports_false()
    {
        Assert.False(await Deployer().DeleteAsync("never-deployed"));
    }

    [Fact]
    public async Task A_deployment_refused_by_lambda_raises_a_typed_error()
    {
        var deployer = new LambdaDeployer(
            Http,
            Options(new Amazon.Runtime.BasicAWSCredentials(Server.Options.AccessKeyId, "wrong")),
            new LambdaDeployerOptions { ExecutionRoleArn = Role });

        var error = await Assert.ThrowsAsync<LambdaDeploymentException>(() => deployer.DeployAsync(Definition("resize"), FirstZip));

        Assert.Equal("GetFunction", error.Operation);
        Assert.Equal("resize", error.FunctionName);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Null(Server.FindFunction("resize"));
    }

    [Fact]
    public void A_deployer_needs_an_execution_role()
    {
        Assert.Throws<ArgumentException>(() => new LambdaDeployer(Http, Options(), new LambdaDeployerOptions { ExecutionRoleArn = " " }));
    }
}

// Every deployer test again, with Lambda taking three polls to settle each creation and update, as it does for real.
public sealed class LambdaDeployerSettlingTests : LambdaDeployerTests
{
    protected override FakeLambdaServerOptions ServerOptions => new() { PollsUntilSettled = 3 };

    [Fact]
    public async Task The_configuration_is_updated_only_once_the_code_update_has_settled()
    {
        var deployer = Deployer();
        await deployer.DeployAsync(Definition("resize"), FirstZip);

        await deployer.DeployAsync(Definition("resize") with { MemoryLimit = 2048 }, SecondZip);

        var function = Server.FindFunction("resize")!;
        Assert.Equal(2048, function.MemorySize);
        Assert.Equal(SecondZip, function.Code);
        Assert.DoesNotContain(Server.Requests, r => r.StatusCode == 409);
        var settlingPolls = Server.Requests
            .SkipWhile(r => !(r.Method == "PUT" && r.Path.EndsWith("/code", StringComparison.Ordinal)))
            .TakeWhile(r => r.Method != "PUT" || r.Path.EndsWith("/code", StringComparison.Ordinal))
            .Count(r => r.Method == "GET");
        Assert.True(settlingPolls >= 3, $"expected at least 3 polls between the code and configuration updates, saw {settlingPolls}");
    }

    [Fact]
    public async Task A_function_that_never_settles_fails_the_deployment_after_the_settle_timeout()
    {
        var deployer = Deployer(new LambdaDeployerOptions
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/r",
            PollInterval = TimeSpan.FromMilliseconds(100),
            SettleTimeout = TimeSpan.FromMilliseconds(150),
        });

        var error = await Assert.ThrowsAsync<LambdaDeploymentException>(() => deployer.DeployAsync(Definition("stuck"), FirstZip));

        Assert.Equal(LambdaDeploymentException.SettleTimeoutType, error.ErrorType);
        Assert.Equal("CreateFunction", error.Operation);
    }
}
