using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Functions.FunctionExamples;

namespace Tasks.Domain.Tests.Functions;

public sealed class FunctionRulesSpecs
{
    [Fact]
    public void A_definition_gets_the_documented_defaults()
    {
        var definition = new FunctionDefinition { Name = "f", EntryPoint = "index.handler", Runtime = "dotnet8" };

        Assert.Equal(30, definition.TimeLimit);
        Assert.Equal(128, definition.MemoryLimit);
        Assert.Empty(definition.Environment);
        Assert.Equal(ExecutionPermission.PermissionRequired, definition.ExecutionPermission);
        Assert.Null(definition.DefaultPriority);
        Assert.Equal(RetryPolicy.Disabled, definition.RetryPolicy);
        Assert.True(definition.Enabled);
        Assert.Null(definition.Code);
        Assert.Null(FunctionRules.Validate(definition));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(300, true)]
    [InlineData(2, false)]
    [InlineData(301, false)]
    [InlineData(0, false)]
    [InlineData(-30, false)]
    public void The_time_limit_is_3_to_300_seconds(int seconds, bool valid)
    {
        AssertRule(Definition() with { TimeLimit = seconds }, valid, "timeLimit");
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(10240, true)]
    [InlineData(127, false)]
    [InlineData(10241, false)]
    public void The_memory_limit_is_128_to_10240_megabytes(int megabytes, bool valid)
    {
        AssertRule(Definition() with { MemoryLimit = megabytes }, valid, "memoryLimit");
    }

    [Theory]
    [InlineData("nodejs18.x")]
    [InlineData("nodejs20.x")]
    [InlineData("nodejs22.x")]
    [InlineData("python3.9")]
    [InlineData("python3.10")]
    [InlineData("python3.11")]
    [InlineData("python3.12")]
    [InlineData("python3.13")]
    [InlineData("java11")]
    [InlineData("java17")]
    [InlineData("java21")]
    [InlineData("dotnet8")]
    [InlineData("ruby3.2")]
    [InlineData("ruby3.3")]
    [InlineData("provided.al2")]
    [InlineData("provided.al2023")]
    public void Current_lambda_runtimes_are_accepted(string runtime)
    {
        AssertRule(Definition() with { Runtime = runtime }, true, "runtime");
    }

    [Theory]
    [InlineData("")]
    [InlineData("nodejs12.x")]
    [InlineData("python2.7")]
    [InlineData("Dotnet8")]
    [InlineData("go1.x")]
    [InlineData(null)]
    public void Other_runtimes_are_rejected(string? runtime)
    {
        AssertRule(Definition() with { Runtime = runtime! }, false, "runtime");
    }

    [Fact]
    public void Exactly_the_sixteen_listed_runtimes_are_supported()
    {
        Assert.Equal(16, FunctionRuntimes.All.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_entry_point_is_required(string? entryPoint)
    {
        AssertRule(Definition() with { EntryPoint = entryPoint! }, false, "entryPoint");
    }

    [Fact]
    public void An_entry_point_is_at_most_128_characters()
    {
        AssertRule(Definition() with { EntryPoint = new string('e', 128) }, true, "entryPoint");
        AssertRule(Definition() with { EntryPoint = new string('e', 129) }, false, "entryPoint");
    }

    [Theory]
    [InlineData("A")]
    [InlineData("API_KEY")]
    [InlineData("db_url_2")]
    [InlineData("x9_")]
    public void Environment_names_start_with_a_letter_then_letters_digits_or_underscores(string key)
    {
        AssertRule(Definition() with { Environment = Env((key, "v")) }, true, "environment");
    }

    [Theory]
    [InlineData("")]
    [InlineData("_X")]
    [InlineData("9X")]
    [InlineData("X-Y")]
    [InlineData("X Y")]
    [InlineData("É")]
    public void Other_environment_names_are_rejected(string key)
    {
        AssertRule(Definition() with { Environment = Env((key, "v")) }, false, "environment");
    }

    [Fact]
    public void The_environment_may_hold_4096_bytes_of_names_and_values_but_not_4097()
    {
        // "K" + 4095 bytes; the value's "é" counts two bytes.
        var atLimit = Env(("K", new string('v', 4093) + "é"));
        var overLimit = Env(("K", new string('v', 4094) + "é"));

        AssertRule(Definition() with { Environment = atLimit }, true, "environment");
        AssertRule(Definition() with { Environment = overLimit }, false, "environment");
    }

    [Fact]
    public void The_environment_limit_counts_every_variable_together()
    {
        var twoHalves = Env(("A", new string('v', 2047)), ("B", new string('v', 2048)));

        AssertRule(Definition() with { Environment = twoHalves }, false, "environment");
    }

    [Fact]
    public void Environment_errors_never_show_values()
    {
        var error = FunctionRules.Validate(Definition() with { Environment = Env(("K", "s3cr3t" + new string('v', 5000))) });

        Assert.DoesNotContain("s3cr3t", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_value_must_be_present()
    {
        AssertRule(Definition() with { Environment = Env(("K", null!)) }, false, "environment");
    }

    [Fact]
    public void An_undefined_execution_permission_is_rejected()
    {
        AssertRule(Definition() with { ExecutionPermission = (ExecutionPermission)7 }, false, "executionPermission");
    }

    [Fact]
    public void A_code_reference_needs_a_sha256_and_a_size()
    {
        AssertRule(Definition() with { Code = new CodeReference(new string('A', 64), 1) }, true, "code");
        AssertRule(Definition() with { Code = new CodeReference(new string('a', 63), 1) }, false, "code");
        AssertRule(Definition() with { Code = new CodeReference(new string('g', 64), 1) }, false, "code");
        AssertRule(Definition() with { Code = new CodeReference(new string('a', 64), 0) }, false, "code");
    }

    [Fact]
    public void Error_types_to_retry_must_not_be_blank()
    {
        AssertRule(Definition() with { RetryPolicy = new RetryPolicy(true, ["timeout"]) }, true, "retryPolicy");
        AssertRule(Definition() with { RetryPolicy = new RetryPolicy(true, [" "]) }, false, "retryPolicy");
        AssertRule(Definition() with { RetryPolicy = null! }, false, "retryPolicy");
    }

    [Fact]
    public void Only_functions_with_a_time_limit_of_at_most_30_seconds_may_be_executed_directly()
    {
        Assert.True((Definition() with { TimeLimit = 30 }).AllowsDirectExecution);
        Assert.False((Definition() with { TimeLimit = 31 }).AllowsDirectExecution);
    }

    [Theory]
    [InlineData(ExecutionPermission.PermissionRequired, "permissionRequired")]
    [InlineData(ExecutionPermission.AllUsers, "allUsers")]
    [InlineData(ExecutionPermission.Public, "public")]
    public void Execution_permissions_have_the_wire_names_callers_know(ExecutionPermission permission, string wireName)
    {
        Assert.Equal(wireName, permission.ToWireName());
        Assert.Equal(permission, ExecutionPermissions.FromWireName(wireName));
        Assert.False(ExecutionPermissions.TryFromWireName(wireName.ToUpperInvariant(), out _));
    }

    private static EquatableDictionary<string, string> Env(params (string Key, string Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    private static void AssertRule(FunctionDefinition definition, bool valid, string field)
    {
        var decision = Aggregate.Decide(Register(definition), null);
        if (valid)
        {
            DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionRegistered>(decision);
        }
        else
        {
            DecisionAssert.RejectedFor(decision, field);
            Assert.Equal(ErrorCodes.Validation, decision.Error!.Code);
        }
    }
}
