using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.1: choosing the operation to run, and the request errors that stop a request before execution.</summary>
public sealed class OperationSelectionSpecs
{
    private readonly RequestExecutor executor = SchemaBuilder.FromSdl("type Query { hello: String name: String } type Mutation { rename: String }")
        .Resolve("Query", "hello", _ => "world")
        .Resolve("Query", "name", _ => "query")
        .Resolve("Mutation", "rename", _ => "mutation")
        .Executor();

    [Fact]
    public async Task A_document_with_a_single_anonymous_operation_runs_it()
    {
        var response = await executor.RunAsync("{ hello }");

        JsonEqual("""{"data":{"hello":"world"}}""", response);
    }

    [Fact]
    public async Task A_document_with_several_operations_runs_the_one_named()
    {
        var response = await executor.RunAsync("query A { hello } query B { name } mutation C { rename }", operationName: "C");

        JsonEqual("""{"data":{"rename":"mutation"}}""", response);
    }

    [Fact]
    public async Task Several_operations_without_an_operation_name_is_a_request_error_without_data()
    {
        var response = await executor.RunAsync("query A { hello } query B { name }");

        Assert.Equal(["Must provide operation name if query contains multiple operations."], response.Messages());
        Assert.False(response.ContainsKey("data"));
        Assert.Equal(ErrorCodes.OperationResolutionFailure, response.SingleError().Code());
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_request_error()
    {
        var response = await executor.RunAsync("query A { hello }", operationName: "Nope");

        Assert.Equal(["Unknown operation named \"Nope\"."], response.Messages());
        Assert.False(response.ContainsKey("data"));
    }

    [Fact]
    public async Task A_syntax_error_is_a_request_error_located_in_the_document()
    {
        var response = await executor.RunAsync("{ hello");

        var error = response.SingleError();
        Assert.StartsWith("Syntax Error:", (string)error["message"]!, StringComparison.Ordinal);
        JsonEqual("""[{"line":1,"column":8}]""", error["locations"]);
        Assert.Equal(ErrorCodes.ParseFailed, error.Code());
        Assert.False(response.ContainsKey("data"));
    }

    [Fact]
    public async Task A_validation_error_is_a_request_error()
    {
        var response = await executor.RunAsync("{ nope }");

        var error = response.SingleError();
        Assert.Contains("nope", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code());
        Assert.False(response.ContainsKey("data"));
    }

    [Fact]
    public async Task A_request_without_a_document_is_refused()
    {
        var response = await executor.RunAsync("   ");

        Assert.Equal(["Must provide a query string."], response.Messages());
    }

    [Fact]
    public async Task An_operation_the_schema_has_no_root_type_for_is_refused_even_without_validation()
    {
        var unvalidated = SchemaBuilder.FromSdl("type Query { a: Int }").Executor(TestSchemas.WithoutValidation);

        var response = await unvalidated.RunAsync("subscription { a }");

        Assert.Equal(["Schema is not configured to execute subscription operation."], response.Messages());
    }

    [Fact]
    public async Task Preparing_tells_the_transport_whether_the_operation_is_a_mutation_or_a_subscription()
    {
        var prepared = await executor.PrepareAsync(Request("mutation { rename }"), Context, default);

        Assert.True(prepared.IsExecutable);
        Assert.True(prepared.IsMutation);
        Assert.False(prepared.IsSubscription);
    }
}
