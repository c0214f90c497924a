using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tasks.Api.Filtering;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.TypeSystem.Building;
using Tasks.Projections.Queries;
using static Tasks.Api.Tests.Filtering.FilterTrees;
using EnumBindings = Tasks.Api.Schema.EnumBindings;

namespace Tasks.Api.Tests.Filtering;

/// <summary>
/// The translators fed with what the engine really hands a resolver, for the contract's own schema: literals and
/// variables, explicit nulls and absent fields, lists and bound enums.
/// </summary>
public sealed class EngineCoercionTests
{
    private const string EventProbe = "extend type Query { eventProbe(where: TaskEventFilterInput): Int }";

    private static async Task<IReadOnlyDictionary<string, object?>> ArgumentsOf(string document, string? variables = null)
    {
        IReadOnlyDictionary<string, object?>? captured = null;
        Func<IResolverContext, object?> capture = context =>
        {
            captured = context.Arguments;
            return null;
        };
        var contract = File.ReadAllText(SchemaPath());
        var schema = SchemaBuilder.FromSdl(contract)
            .AddSdl(EventProbe + MissingScalarDeclarations(contract))
            .AddScalar(new UuidScalar())
            // The service's own bindings, so that the test follows the contract as it grows.
            .BindEnum("TaskStatus", EnumBindings.TaskStatus)
            .BindEnum("ExecutionPermission", EnumBindings.ExecutionPermission)
            .BindEnum("TaskEventType", EnumBindings.TaskEventType)
            .Resolve("Query", "tasks", capture)
            .Resolve("Query", "functions", capture)
            .Resolve("Query", "eventProbe", capture)
            .Build();
        var executor = new RequestExecutor(schema);
        var context = new RequestContext(new ClaimsPrincipal(), new NoServices());
        using var json = variables is null ? null : JsonDocument.Parse(variables);
        var prepared = await executor.PrepareAsync(new GraphQLRequest(document, Variables: json?.RootElement), context, CancellationToken.None);
        Assert.True(prepared.IsExecutable, string.Join("; ", prepared.RequestErrors.Select(e => e.Message)));
        using var output = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(output))
        {
            await executor.ExecuteAsync(prepared, context, writer, CancellationToken.None);
        }

        return captured ?? throw new InvalidOperationException("the resolver did not run");
    }

    // The engine ships DateTime, Long and JSON but a schema must declare them; the contract may not (yet).
    private static string MissingScalarDeclarations(string contract) => string.Concat(
        new[] { "DateTime", "Long", "JSON" }
            .Where(name => !Regex.IsMatch(contract, $@"^\s*scalar\s+{name}\b", RegexOptions.Multiline))
            .Select(name => $"\nscalar {name}"));

    private static string SchemaPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Tasks.Api", "schema.graphql");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/Tasks.Api/schema.graphql not found above the test's directory");
    }

    private static async Task<string> TaskFilter(string document, string? variables = null)
    {
        var arguments = await ArgumentsOf(document, variables);
        return Print(FilterInputTranslator.Translate(FilterInputMapping.Task, arguments.GetValueOrDefault("where")));
    }

    [Fact]
    public async Task A_literal_eq_null_reaches_the_translator_as_is_null()
    {
        Assert.Equal("createdByUserId eq null", await TaskFilter("{ tasks(where: { createdByUserId: { eq: null } }) { totalCount } }"));
    }

    [Fact]
    public async Task A_variable_eq_null_reaches_the_translator_as_is_null()
    {
        Assert.Equal(
            "createdByUserId eq null",
            await TaskFilter("query($w: TaskFilterInput) { tasks(where: $w) { totalCount } }", """{ "w": { "createdByUserId": { "eq": null } } }"""));
    }

    [Fact]
    public async Task A_variable_that_was_not_given_is_absent_rather_than_null()
    {
        Assert.Equal(
            "priority eq 2",
            await TaskFilter("query($name: String) { tasks(where: { functionName: { eq: $name }, priority: { eq: 2 } }) { totalCount } }", "{}"));
    }

    [Fact]
    public async Task Bound_enums_lists_and_scalars_arrive_as_the_read_model_stores_them()
    {
        Assert.Equal(
            "and(id eq 0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f, status in [\"inProgress\", \"failed\"], tags some(eq \"x\"), creationTimestamp ge 2026-01-31T12:00:00.0000000+00:00)",
            await TaskFilter("""
                { tasks(where: {
                    id: { eq: "0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f" }
                    status: { in: [IN_PROGRESS, FAILED] }
                    creationTimestamp: { gte: "2026-01-31T12:00:00Z" }
                    tags: { some: { eq: "x" } }
                  }) { totalCount } }
                """));
    }

    [Fact]
    public async Task A_single_value_where_a_list_is_expected_is_a_list_of_one()
    {
        Assert.Equal("status out [\"new\"]", await TaskFilter("{ tasks(where: { status: { nin: NEW } }) { totalCount } }"));
    }

    [Fact]
    public async Task Function_filters_and_sorts_arrive_through_variables()
    {
        var arguments = await ArgumentsOf(
            "query($w: FunctionFilterInput, $o: [FunctionSortInput!]) { functions(where: $w, order: $o) { totalCount } }",
            """{ "w": { "or": [{ "executionPermission": { "eq": "ALL_USERS" } }, { "enabled": { "eq": false } }] }, "o": [{ "memoryLimit": "DESC" }, { "name": "ASC" }] }""");

        Assert.Equal(
            "or(executionPermission eq \"allUsers\", enabled eq false)",
            Print(FilterInputTranslator.Translate(FilterInputMapping.Function, arguments["where"])));
        Assert.Equal(
            [new SortField(FunctionQueryModel.MemoryLimit, SortDirection.Descending), new SortField(FunctionQueryModel.Name)],
            SortInputTranslator.Translate(FilterInputMapping.Function, arguments["order"]));
    }

    [Fact]
    public async Task Sort_objects_keep_their_list_order()
    {
        var arguments = await ArgumentsOf("{ tasks(order: [{ priority: DESC }, { error: { type: ASC } }, { creationTimestamp: ASC }]) { totalCount } }");

        Assert.Equal(
            [new SortField(TaskQueryModel.Priority, SortDirection.Descending), new SortField(TaskQueryModel.ErrorType), new SortField(TaskQueryModel.CreationTimestamp)],
            SortInputTranslator.Translate(FilterInputMapping.Task, arguments["order"]));
    }

    [Fact]
    public async Task An_empty_sort_object_passes_the_type_system_and_is_refused_by_the_translator()
    {
        var arguments = await ArgumentsOf("{ tasks(order: [{ priority: ASC }, {}]) { totalCount } }");

        AssertValidation("order[1]", () => SortInputTranslator.Translate(FilterInputMapping.Task, arguments["order"]));
    }

    [Fact]
    public async Task Task_event_filters_compile_from_bound_event_types()
    {
        var arguments = await ArgumentsOf("""{ eventProbe(where: { type: { in: [FAILED, RETRIED] }, functionName: { nstartsWith: "test-" } }) }""");
        var filter = TaskEventFilter.Compile(arguments["where"]);

        Assert.True(filter(new TaskEventFacts(Guid.Empty, "task-failed", "billing", [])));
        Assert.False(filter(new TaskEventFacts(Guid.Empty, "task-created", "billing", [])));
        Assert.False(filter(new TaskEventFacts(Guid.Empty, "task-retried", "test-billing", [])));
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class UuidScalar() : ScalarType("UUID")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) =>
            literal is StringValueNode text && Guid.TryParseExact(text.Value, "D", out var id) ? ScalarCoercion.Ok(id) : ScalarCoercion.Fail("not a UUID");

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && Guid.TryParseExact(value.GetString(), "D", out var id) ? ScalarCoercion.Ok(id) : ScalarCoercion.Fail("not a UUID");

        public override void Serialize(Utf8JsonWriter writer, object value) => writer.WriteStringValue(((Guid)value).ToString("D"));
    }
}
