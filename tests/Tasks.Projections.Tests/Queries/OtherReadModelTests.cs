using Npgsql;
using Tasks.Projections.Queries;
using Fn = Tasks.Projections.Queries.FunctionQueryModel;

namespace Tasks.Projections.Tests.Queries;

/// <summary>
/// The function and schedule descriptions match the migration's tables and run on them, and the field kinds
/// the tasks table lacks (boolean, bigint, nullable integer) filter and page correctly.
/// </summary>
public sealed class OtherReadModelTests : IAsyncLifetime
{
    private static readonly (string Name, bool Enabled, string Permission, int? Priority, long? Size)[] Functions =
    [
        ("ant", true, "public", null, 10),
        ("bee", false, "allUsers", 3, 5_000_000_000),
        ("cat", true, "permissionRequired", 1, null),
        ("dog", true, "allUsers", null, 7_000_000_000),
        ("eel", false, "public", 3, 20),
        ("fox", true, "public", 2, 5_000_000_000),
    ];

    // code_size_bytes is bigint but not a public field of functions; a test-only description exercises Long fields.
    private static readonly ReadModelDescription FunctionsBySize = new(
        "functions",
        "name",
        [new QueryField("name", "name", FieldKind.Text), new QueryField("codeSizeBytes", "code_size_bytes", FieldKind.Long, isNullable: true)],
        [new SortField("codeSizeBytes", SortDirection.Descending)]);

    private NpgsqlDataSource? dataSource;

    private ReadModelQueryExecutor Executor => new(dataSource!);

    public async Task InitializeAsync()
    {
        dataSource = await ReadModelDatabase.CreateAsync();
        foreach (var (name, enabled, permission, priority, size) in Functions)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO functions (name, stream_id, version, entry_point, runtime, time_limit, memory_limit, environment, " +
                "execution_permission, default_priority, retry_enabled, retry_errors, enabled, created_at, updated_at, code_size_bytes) " +
                "VALUES ($1, gen_random_uuid(), 1, 'main', 'node', 60, 128, '{\"SECRET\":\"x\"}', $2, $3, false, '{}', $4, now(), now(), $5)");
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = permission });
            insert.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = priority, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter { Value = enabled });
            insert.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = size, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    public static TheoryData<string> ModelNames => ["tasks", "functions", "schedules"];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public async Task Every_described_column_exists_with_the_type_and_nullability_of_its_field(string table)
    {
        var model = table switch { "tasks" => TaskQueryModel.ReadModel, "functions" => Fn.ReadModel, _ => ScheduleQueryModel.ReadModel };
        var columns = new Dictionary<string, (string Type, bool Nullable)>();
        await using (var command = dataSource!.CreateCommand("SELECT column_name, udt_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_name = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
            }
        }

        Assert.All(model.Fields, field =>
        {
            var expectedType = field.Kind switch
            {
                FieldKind.Text or FieldKind.Enum => "text",
                FieldKind.Integer => "int4",
                FieldKind.Long => "int8",
                FieldKind.Boolean => "bool",
                FieldKind.Timestamp => "timestamptz",
                FieldKind.Uuid => "uuid",
                FieldKind.TextList => "_text",
                _ => "_uuid",
            };
            Assert.True(columns.TryGetValue(field.Column, out var column), $"{table}.{field.Column} is missing");
            Assert.Equal((expectedType, field.IsNullable), (column.Type, column.Nullable));
        });
        Assert.All(model.SelectableColumns, column => Assert.True(columns.ContainsKey(column), $"{table}.{column} is missing"));
    }

    [Fact]
    public void Secrets_and_payloads_are_never_filterable()
    {
        Assert.DoesNotContain(Fn.ReadModel.Fields, f => f.Column == "environment");
        Assert.DoesNotContain("environment", Fn.ReadModel.SelectableColumns);
        Assert.DoesNotContain(TaskQueryModel.ReadModel.Fields, f => f.Column == "data");
        Assert.DoesNotContain(ScheduleQueryModel.ReadModel.Fields, f => f.Column == "data");
    }

    [Fact]
    public async Task Filtering_enabled_eq_false_returns_only_disabled_functions()
    {
        Assert.Equal(["bee", "eel"], await NamesAsync(QueryFilter.Where(Fn.Enabled, FilterOperator.Eq, false)));
        Assert.Equal(["ant", "cat", "dog", "fox"], await NamesAsync(QueryFilter.Where(Fn.Enabled, FilterOperator.Ne, false)));
    }

    [Fact]
    public async Task Filtering_execution_permission_by_enum_values()
    {
        Assert.Equal(["ant", "cat", "eel", "fox"], await NamesAsync(QueryFilter.Where(Fn.ExecutionPermission, FilterOperator.In, new[] { "public", "permissionRequired" })));
    }

    [Fact]
    public async Task A_nullable_integer_matches_null_only_for_ne_and_eq_null()
    {
        Assert.Equal(["ant", "dog"], await NamesAsync(QueryFilter.Where(Fn.DefaultPriority, FilterOperator.Eq, null)));
        Assert.Equal(["ant", "cat", "dog", "fox"], await NamesAsync(QueryFilter.Where(Fn.DefaultPriority, FilterOperator.Ne, 3)));
        Assert.Equal(["bee", "eel", "fox"], await NamesAsync(QueryFilter.Where(Fn.DefaultPriority, FilterOperator.Ge, 2)));
        Assert.Equal(["ant", "cat", "dog"], await NamesAsync(QueryFilter.Not(QueryFilter.Where(Fn.DefaultPriority, FilterOperator.Ge, 2))));
    }

    [Fact]
    public async Task Sorting_by_a_nullable_boolean_and_integer_mix_pages_in_order()
    {
        var sort = new SortField[] { new(Fn.Enabled, SortDirection.Descending), new(Fn.DefaultPriority) };
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await Executor.ExecuteAsync(Fn.ReadModel, new ReadModelQuery(Sort: sort, Page: new PageRequest(First: 1, After: after)), ["name"], r => r.GetString(0));
            names.AddRange(page.Items.Select(i => i.Node));
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);

        Assert.Equal(["cat", "fox", "ant", "dog", "bee", "eel"], names);
    }

    [Fact]
    public async Task Long_fields_compare_beyond_the_integer_range_and_page_with_nulls_first_descending()
    {
        var big = await Executor.ExecuteAsync(FunctionsBySize, new ReadModelQuery(QueryFilter.Where("codeSizeBytes", FilterOperator.Ge, 5_000_000_000L)), ["name"], r => r.GetString(0));
        Assert.Equal(["dog", "fox", "bee"], big.Items.Select(i => i.Node));

        var names = new List<string>();
        string? before = null;
        do
        {
            var page = await Executor.ExecuteAsync(FunctionsBySize, new ReadModelQuery(Page: new PageRequest(Last: 2, Before: before)), ["name"], r => r.GetString(0));
            names.InsertRange(0, page.Items.Select(i => i.Node));
            before = page.HasPreviousPage ? page.StartCursor : null;
        }
        while (before is not null);

        // The name tiebreaker follows the last key's direction, so the 5e9 tie is fox before bee.
        Assert.Equal(["cat", "dog", "fox", "bee", "eel", "ant"], names);
    }

    [Fact]
    public async Task Schedules_can_be_queried_with_their_default_sort_and_count()
    {
        var page = await Executor.ExecuteAsync(
            ScheduleQueryModel.ReadModel,
            new ReadModelQuery(QueryFilter.Where(ScheduleQueryModel.Interval, FilterOperator.Gt, 60), IncludeTotalCount: true),
            ["id", "data", "tags"],
            r => r.GetGuid(0));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    private async Task<List<string>> NamesAsync(QueryFilter filter)
    {
        var page = await Executor.ExecuteAsync(Fn.ReadModel, new ReadModelQuery(filter, Page: new PageRequest(First: 50)), ["name"], r => r.GetString(0));
        return [.. page.Items.Select(i => i.Node)];
    }
}
