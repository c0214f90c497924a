using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Introspection;

/// <summary>With introspection disabled, <c>__schema</c> and <c>__type</c> are refused before execution; <c>__typename</c> still works.</summary>
public sealed class DisabledIntrospectionSpecs
{
    private static readonly RequestExecutor Executor = SchemaBuilder.FromSdl("type Query { people: [String] }")
        .Resolve("Query", "people", _ => new[] { "Ada" })
        .Executor(new ExecutionOptions { EnableIntrospection = false });

    [Theory]
    [InlineData("{ __schema { types { name } } }", "__schema")]
    [InlineData("{ __type(name: \"Query\") { name } }", "__type")]
    [InlineData("{ people ...Sneaky } fragment Sneaky on Query { __schema { queryType { name } } }", "__schema")]
    public async Task Selecting_schema_or_type_is_a_request_error(string query, string field)
    {
        var response = await Executor.RunAsync(query);

        var error = response.SingleError();
        Assert.Equal($"Introspection is disabled on this server: \"{field}\" cannot be queried.", (string?)error["message"]);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code());
        Assert.NotNull(error["locations"]);
        Assert.False(response.ContainsKey("data"));
    }

    [Fact]
    public async Task Typename_stays_available()
    {
        var response = await Executor.RunAsync("{ __typename people }");

        JsonEqual("""{"data":{"__typename":"Query","people":["Ada"]}}""", response);
    }

    [Fact]
    public async Task Validation_messages_stop_suggesting_names()
    {
        var withIntrospection = await SchemaBuilder.FromSdl("type Query { people: [String] }").Executor().RunAsync("{ peple }");
        var withoutIntrospection = await Executor.RunAsync("{ peple }");

        Assert.Contains("Did you mean", withIntrospection.Messages().Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", withoutIntrospection.Messages().Single(), StringComparison.Ordinal);
    }
}
