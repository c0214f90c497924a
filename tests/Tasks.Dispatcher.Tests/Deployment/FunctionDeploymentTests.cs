using Npgsql;
using Tasks.Dispatcher.Deployment;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;
using Tasks.Projections.Code;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Deployment;

public sealed class FunctionDeploymentTests : DeploymentHarness
{
    [Fact]
    public async Task Registering_a_function_with_code_creates_it_on_Lambda_with_its_runtime_handler_limits_and_environment()
    {
        await StartDeployerAsync();
        var zip = Zip("resize v1");

        await RegisterAsync(Definition("resize"), zip);

        var row = await WaitUntilDeployedAsync("resize");
        var function = Lambda.FindFunction("resize");
        Assert.NotNull(function);
        Assert.Equal(zip, function.Code);
        Assert.Equal(("nodejs22.x", "index.handler", Role), (function.Runtime, function.Handler, function.Role));
        Assert.Equal((45, 512), (function.Timeout, function.MemorySize));
        Assert.Equal(new Dictionary<string, string> { ["BUCKET"] = "images" }, function.Environment);
        Assert.Equal(FunctionCodeStore.ReferenceOf(zip).Sha256Hex, row.CodeSha256);
        Assert.Null(row.Error);
        Assert.NotNull(row.DeployedAt);
        Assert.All(Lambda.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Updating_a_functions_code_updates_its_code_on_Lambda()
    {
        await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await WaitUntilDeployedAsync("resize");
        var second = Zip("resize v2");

        await UpdateAsync("resize", new FunctionPatch(), second);

        await WaitUntilDeployedAsync("resize", FunctionCodeStore.ReferenceOf(second).Sha256Hex);
        Assert.Equal(second, Lambda.FindFunction("resize")!.Code);
        Assert.Equal(["CreateFunction resize", "UpdateFunctionCode resize"], Writes("resize"));
    }

    [Fact]
    public async Task Updating_only_limits_updates_the_configuration_on_Lambda_and_not_the_code()
    {
        await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        var first = await WaitUntilDeployedAsync("resize");

        await UpdateAsync("resize", new FunctionPatch { MemoryLimit = 2048, TimeLimit = 120 });

        await WaitForDeploymentAsync("resize", d => d.ConfigurationSha256 != first.ConfigurationSha256 && d.State == FunctionDeploymentStates.Deployed);
        var function = Lambda.FindFunction("resize")!;
        Assert.Equal((2048, 120), (function.MemorySize, function.Timeout));
        Assert.Equal(["CreateFunction resize", "UpdateFunctionConfiguration resize"], Writes("resize"));
    }

    [Fact]
    public async Task Changes_Lambda_does_not_see_call_nothing_on_Lambda()
    {
        await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await WaitUntilDeployedAsync("resize");
        var requests = Lambda.Requests.Count;

        await UpdateAsync("resize", new FunctionPatch { DefaultPriority = 5, RetryPolicy = new RetryPolicy(true, new EquatableList<string>(["Timeout"])) });
        await Db.RunFunctionAsync("resize", new DisableFunction(Domain.Identity.Actor.System, DateTimeOffset.UtcNow));
        await PassMarkerAsync();

        Assert.DoesNotContain(Lambda.Requests.Skip(requests), r => r.Path.Contains("/resize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_deployed_function_deletes_it_on_Lambda()
    {
        await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await WaitUntilDeployedAsync("resize");

        await DeleteAsync("resize");

        await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Deleted);
        Assert.Null(Lambda.FindFunction("resize"));
        Assert.Equal(["CreateFunction resize", "DeleteFunction resize"], Writes("resize"));
    }

    [Fact]
    public async Task A_function_registered_without_code_is_never_deployed_nor_deleted()
    {
        await StartDeployerAsync();
        Lambda.AddFunction("existing");

        await RegisterAsync(Definition("existing"), zip: null);
        await UpdateAsync("existing", new FunctionPatch { MemoryLimit = 1024 });
        await DeleteAsync("existing");
        await PassMarkerAsync();

        Assert.NotNull(Lambda.FindFunction("existing"));
        Assert.Empty(Writes("existing"));
        Assert.DoesNotContain(await DeploymentsAsync(), d => d.FunctionName == "existing");
    }

    [Fact]
    public async Task A_function_registered_again_with_code_after_its_deletion_is_created_again()
    {
        await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await WaitUntilDeployedAsync("resize");
        await DeleteAsync("resize");
        await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Deleted);

        await RegisterAsync(Definition("resize"), Zip("resize v2"));

        await WaitUntilDeployedAsync("resize");
        Assert.Equal(Zip("resize v2"), Lambda.FindFunction("resize")!.Code);
    }

    [Fact]
    public async Task Two_deployers_never_deploy_the_same_event_twice()
    {
        var one = await StartDeployerAsync();
        var two = await StartDeployerAsync();
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync(Definition($"f{i}"), Zip($"f{i} v1"));
        }

        await WaitUntilDeployedAsync("f4");

        // The leader stops; the other takes over from the checkpoint.
        var leader = one.IsLeader ? one : two;
        Assert.True(one.IsLeader ^ two.IsLeader, "exactly one deployer leads");
        await leader.StopAsync(CancellationToken.None);
        for (var i = 5; i < 10; i++)
        {
            await RegisterAsync(Definition($"f{i}"), Zip($"f{i} v1"));
        }

        await UpdateAsync("f0", new FunctionPatch(), Zip("f0 v2"));
        await WaitUntilDeployedAsync("f0", FunctionCodeStore.ReferenceOf(Zip("f0 v2")).Sha256Hex);
        foreach (var i in Enumerable.Range(1, 9))
        {
            await WaitUntilDeployedAsync($"f{i}");
        }

        Assert.True((leader == one ? two : one).IsLeader);
        var expected = Enumerable.Range(0, 10).Select(i => $"CreateFunction f{i}").Append("UpdateFunctionCode f0").Order();
        Assert.Equal(expected, Writes().Order());
    }

    [Fact]
    public async Task A_failed_deployment_is_recorded_with_its_error_and_later_events_still_deploy()
    {
        await StartDeployerAsync();

        await RegisterAsync(Definition("huge"), new byte[5000]);
        await RegisterAsync(Definition("small"), Zip("small"));

        var failed = await WaitForDeploymentAsync("huge", d => d.State == FunctionDeploymentStates.Failed);
        Assert.Contains("RequestEntityTooLargeException", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.DeployedAt);
        await WaitUntilDeployedAsync("small");
        Assert.Null(Lambda.FindFunction("huge"));

        // Its next update with code it can take deploys it.
        await UpdateAsync("huge", new FunctionPatch(), Zip("smaller now"));
        var deployed = await WaitUntilDeployedAsync("huge");
        Assert.Null(deployed.Error);
    }

    [Fact]
    public async Task An_execution_role_Lambda_refuses_is_recorded_as_a_failed_deployment()
    {
        await StartDeployerAsync(role: "not-a-role");

        await RegisterAsync(Definition("resize"), Zip("resize v1"));

        var failed = await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Failed);
        Assert.Contains("InvalidParameterValueException", failed.Error, StringComparison.Ordinal);
        Assert.Contains("role", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_execution_role_functions_with_code_are_recorded_as_failed_and_nothing_is_called()
    {
        await StartDeployerAsync(role: null);

        await RegisterAsync(Definition("resize"), Zip("resize v1"));

        var failed = await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Failed);
        Assert.Equal(FunctionDeploymentFollower.MissingRoleMessage, failed.Error);
        Assert.Empty(Lambda.Requests);
    }

    [Fact]
    public async Task Transient_Lambda_failures_are_retried_until_the_deployment_succeeds()
    {
        Lambda.Fail("CreateFunction", FakeLambdaResponse.ApiError(500, "ServiceException", "Lambda is having a bad day."), times: 2);
        await StartDeployerAsync(maxAttempts: 3);

        await RegisterAsync(Definition("resize"), Zip("resize v1"));

        await WaitUntilDeployedAsync("resize");
        Assert.Equal(3, Lambda.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Transient_failures_that_outlast_the_retries_are_recorded_and_later_events_still_deploy()
    {
        Lambda.Fail("CreateFunction", FakeLambdaResponse.Throttled(), times: 3);
        await StartDeployerAsync(maxAttempts: 3);

        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await RegisterAsync(Definition("thumb"), Zip("thumb v1"));

        var failed = await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Failed);
        Assert.Contains("TooManyRequestsException", failed.Error, StringComparison.Ordinal);
        Assert.Contains("3 attempts", failed.Error, StringComparison.Ordinal);
        await WaitUntilDeployedAsync("thumb");
    }

    [Fact]
    public async Task A_restarted_deployer_resumes_from_its_checkpoint_without_redeploying()
    {
        var first = await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await RegisterAsync(Definition("thumb"), Zip("thumb v1"));
        await WaitUntilDeployedAsync("thumb");
        await WaitUntilDeployedAsync("resize");
        await first.StopAsync(CancellationToken.None);
        var before = Lambda.Requests.Count;

        await StartDeployerAsync();
        await PassMarkerAsync();

        Assert.DoesNotContain(Lambda.Requests.Skip(before), r => r.Path.Contains("/resize", StringComparison.Ordinal) || r.Path.Contains("/thumb", StringComparison.Ordinal));
        Assert.Equal(["CreateFunction resize", "CreateFunction thumb", "CreateFunction marker"], Writes());
    }

    [Fact]
    public async Task Deploying_again_after_a_crash_before_the_checkpoint_committed_writes_nothing_to_Lambda()
    {
        var first = await StartDeployerAsync();
        await RegisterAsync(Definition("resize"), Zip("resize v1"));
        await UpdateAsync("resize", new FunctionPatch { MemoryLimit = 1024 });
        await WaitForDeploymentAsync("resize", d => d.State == FunctionDeploymentStates.Deployed && Lambda.FindFunction("resize")?.MemorySize == 1024);
        await first.StopAsync(CancellationToken.None);
        var writes = Writes();

        // As if it had died after calling Lambda and before committing: neither its rows nor its checkpoint were written.
        await using (var forgetRows = Db.DataSource.CreateCommand("DELETE FROM function_deployments"))
        {
            await forgetRows.ExecuteNonQueryAsync();
        }

        await using (var forgetCheckpoint = Db.DataSource.CreateCommand("DELETE FROM log_checkpoints WHERE name = $1"))
        {
            forgetCheckpoint.Parameters.Add(new NpgsqlParameter<string> { TypedValue = FunctionDeploymentFollower.CheckpointName });
            await forgetCheckpoint.ExecuteNonQueryAsync();
        }

        await StartDeployerAsync();
        await PassMarkerAsync();

        Assert.Equal([.. writes, "CreateFunction marker"], Writes());
        Assert.Equal(1024, Lambda.FindFunction("resize")!.MemorySize);
    }
}
