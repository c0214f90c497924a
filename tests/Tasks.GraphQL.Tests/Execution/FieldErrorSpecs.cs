using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>
/// Field errors as the response reports them (spec §7.1.2): message, locations, path with list indexes and an
/// <c>extensions.code</c>; unexpected exceptions masked behind a correlation id; values a type cannot hold.
/// </summary>
public sealed class FieldErrorSpecs
{
    private const string Sdl = """
        enum Color { RED }
        type Item { id: Int name: String }
        type Query {
          items: [Item]
          boom: String
          asyncBoom: String
          refused: String
          count: Int
          big: Int
          color: Color
          when: DateTime
          notAList: [Int]
        }
        scalar DateTime
        """;

    [Fact]
    public async Task An_error_inside_a_list_is_located_in_the_document_and_the_path_names_the_item_index()
    {
        var executor = Builder()
            .Resolve("Item", "name", context => ((int)((Dictionary<string, object?>)context.Parent!)["id"]!) == 1 ? throw new GraphQLException("no name") : "fine")
            .Executor();

        var response = await executor.RunAsync("{\n  items {\n    id\n    name\n  }\n}");

        JsonEqual("""{"items":[{"id":0,"name":"fine"},{"id":1,"name":null},{"id":2,"name":"fine"}]}""", response["data"]);
        JsonEqual("""[{"message":"no name","locations":[{"line":4,"column":5}],"path":["items",1,"name"]}]""", response["errors"]);
    }

    [Fact]
    public async Task An_unexpected_exception_is_masked_and_logged_under_the_correlation_id_the_client_gets()
    {
        var logger = new CapturingLogger();
        var executor = new RequestExecutor(Builder().Build(), logger: logger);

        var response = await executor.RunAsync("{ boom asyncBoom }");

        var errors = response["errors"]!.AsArray().Select(e => e!.AsObject()).ToArray();
        Assert.All(errors, error =>
        {
            Assert.Equal("Unexpected Execution Error", (string?)error["message"]);
            Assert.Equal(ErrorCodes.InternalServerError, error.Code());
            var correlationId = (string)error["extensions"]!["correlationId"]!;
            var logged = Assert.Single(logger.Entries, entry => entry.Message.Contains(correlationId, StringComparison.Ordinal));
            Assert.Equal(LogLevel.Error, logged.Level);
            Assert.IsType<InvalidOperationException>(logged.Exception);
        });
        Assert.Equal(["""["boom"]""", """["asyncBoom"]"""], errors.Select(e => e.PathOf()));
        Assert.DoesNotContain("secret", response.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_exception_details_turned_on_the_client_sees_the_exception()
    {
        var executor = Builder().Executor(new ExecutionOptions { IncludeExceptionDetails = true });

        var error = (await executor.RunAsync("{ boom }")).SingleError();

        Assert.Equal("secret connection string leaked", (string?)error["message"]);
        Assert.Equal(ErrorCodes.InternalServerError, error.Code());
        Assert.Equal("System.InvalidOperationException", (string?)error["extensions"]!["exception"]!["type"]);
    }

    [Fact]
    public async Task A_graphql_exception_is_reported_with_its_message_code_and_extensions()
    {
        var error = (await Builder().Executor().RunAsync("{ refused }")).SingleError();

        JsonEqual("""{"message":"Not yours","locations":[{"line":1,"column":3}],"path":["refused"],"extensions":{"code":"FORBIDDEN","owner":"someone else"}}""", error);
    }

    [Theory]
    [InlineData("count", "Int cannot represent non-integer value: 1.5")]
    [InlineData("big", "Int cannot represent non 32-bit signed integer value: 4294967296")]
    [InlineData("color", "Enum \"Color\" cannot represent value: \"BLUE\"")]
    [InlineData("when", "DateTime cannot represent value: soon")]
    [InlineData("notAList", "Expected Iterable, but did not find one for field \"Query.notAList\".")]
    public async Task A_value_the_field_type_cannot_represent_is_a_field_error(string field, string message)
    {
        var response = await Builder().Executor().RunAsync($"{{ {field} }}");

        var error = response.SingleError();
        Assert.Equal(message, (string?)error["message"]);
        Assert.Equal(ErrorCodes.InvalidResult, error.Code());
        Assert.Null(response["data"]![field]);
    }

    [Fact]
    public async Task Values_the_built_in_scalars_accept_are_serialized_by_them()
    {
        var executor = SchemaBuilder.FromSdl("scalar DateTime scalar Long type Query { count: Int real: Float id: ID when: DateTime long: Long text: String }")
            .Resolve("Query", "count", _ => (short)7)
            .Resolve("Query", "real", _ => 2)
            .Resolve("Query", "id", _ => 42L)
            .Resolve("Query", "when", _ => new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero))
            .Resolve("Query", "long", _ => 9_007_199_254_740_993L)
            .Resolve("Query", "text", _ => "a \"quoted\" ünïcode line")
            .Executor();

        var response = await executor.RunAsync("{ count real id when long text }");

        JsonEqual("""{"data":{"count":7,"real":2,"id":"42","when":"2026-01-31T12:00:00.000000Z","long":9007199254740993,"text":"a \"quoted\" ünïcode line"}}""", response);
    }

    private static SchemaBuilder Builder() => SchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "items", _ => Enumerable.Range(0, 3).Select(i => new Dictionary<string, object?> { ["id"] = i }).ToList())
        .Resolve("Query", "boom", _ => throw new InvalidOperationException("secret connection string leaked"))
        .Resolve("Query", "asyncBoom", async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("secret connection string leaked");
        })
        .Resolve("Query", "refused", _ => throw new GraphQLException("Not yours", "FORBIDDEN", new Dictionary<string, object?> { ["owner"] = "someone else" }))
        .Resolve("Query", "count", _ => 1.5)
        .Resolve("Query", "big", _ => 4_294_967_296L)
        .Resolve("Query", "color", _ => "BLUE")
        .Resolve("Query", "when", _ => "soon")
        .Resolve("Query", "notAList", _ => 3)
        .Resolve("Item", "name", _ => "fine");
}
