using Tasks.GraphQL.Execution;
using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution.Support;

/// <summary>Builds executors for the tests.</summary>
internal static class TestSchemas
{
    /// <summary>Options that skip validation, for tests of how the executor itself treats documents validation would refuse.</summary>
    public static ExecutionOptions WithoutValidation { get; } = new() { Validator = (_, _, _) => [] };

    public static RequestExecutor Executor(this SchemaBuilder builder, ExecutionOptions? options = null) => new(builder.Build(), options);

    public static RequestExecutor Executor(this Schema schema, ExecutionOptions? options = null) => new(schema, options);
}
