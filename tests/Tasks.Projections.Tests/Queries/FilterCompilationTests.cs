using Npgsql;
using NpgsqlTypes;
using Tasks.Projections.Queries;
using static Tasks.Projections.Tests.Queries.ThingModel;

namespace Tasks.Projections.Tests.Queries;

public sealed class FilterCompilationTests
{
    private static NpgsqlParameter Parameter(QueryFilter filter, int index = 0) => Compile(filter).Query.Parameters[index];

    [Fact]
    public void Eq_on_text_compares_the_column_with_a_text_parameter()
    {
        Assert.Equal("name = @p0", WhereOf(QueryFilter.Where("name", FilterOperator.Eq, "alpha")));
        var parameter = Parameter(QueryFilter.Where("name", FilterOperator.Eq, "alpha"));
        Assert.Equal(("p0", NpgsqlDbType.Text, (object)"alpha"), (parameter.ParameterName, parameter.NpgsqlDbType, parameter.Value!));
    }

    [Theory]
    [InlineData(FilterOperator.Eq, "count = @p0")]
    [InlineData(FilterOperator.Ne, "count <> @p0")]
    [InlineData(FilterOperator.Gt, "count > @p0")]
    [InlineData(FilterOperator.Ge, "count >= @p0")]
    [InlineData(FilterOperator.Lt, "count < @p0")]
    [InlineData(FilterOperator.Le, "count <= @p0")]
    public void Comparisons_on_an_integer_use_the_matching_sql_operator(FilterOperator op, string expected)
    {
        Assert.Equal(expected, WhereOf(QueryFilter.Where("count", op, 5)));
        Assert.Equal(NpgsqlDbType.Integer, Parameter(QueryFilter.Where("count", op, 5)).NpgsqlDbType);
    }

    [Fact]
    public void Integer_fields_accept_a_long_in_range_and_long_fields_accept_an_int()
    {
        Assert.Equal(7, Parameter(QueryFilter.Where("count", FilterOperator.Eq, 7L)).Value);
        var size = Parameter(QueryFilter.Where("size", FilterOperator.Gt, 7));
        Assert.Equal((NpgsqlDbType.Bigint, (object)7L), (size.NpgsqlDbType, size.Value!));
    }

    [Fact]
    public void Integer_fields_reject_a_long_out_of_range_and_a_number_with_a_fraction()
    {
        Assert.Equal(QueryErrorCode.InvalidValue, SingleError(() => Compile(QueryFilter.Where("count", FilterOperator.Eq, 1L << 40))).Code);
        Assert.Equal(QueryErrorCode.InvalidValue, SingleError(() => Compile(QueryFilter.Where("count", FilterOperator.Eq, 1.5))).Code);
    }

    [Fact]
    public void Timestamps_are_sent_as_utc_timestamptz()
    {
        var local = new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.FromHours(2));
        var parameter = Parameter(QueryFilter.Where("at", FilterOperator.Ge, local));
        Assert.Equal(NpgsqlDbType.TimestampTz, parameter.NpgsqlDbType);
        var sent = Assert.IsType<DateTimeOffset>(parameter.Value);
        Assert.Equal((TimeSpan.Zero, local.UtcTicks), (sent.Offset, sent.UtcTicks));
    }

    [Fact]
    public void Timestamps_accept_a_utc_datetime_but_reject_one_of_unknown_kind()
    {
        var utc = new DateTime(2025, 3, 4, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(utc), Parameter(QueryFilter.Where("at", FilterOperator.Lt, utc)).Value);
        var error = SingleError(() => Compile(QueryFilter.Where("at", FilterOperator.Lt, DateTime.SpecifyKind(utc, DateTimeKind.Unspecified))));
        Assert.Equal(QueryErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void A_string_where_a_timestamp_is_expected_is_rejected_naming_field_and_operator()
    {
        var error = SingleError(() => Compile(QueryFilter.Where("at", FilterOperator.Gt, "2025-01-01")));
        Assert.Equal((QueryErrorCode.InvalidValue, "at", "gt"), (error.Code, error.Field, error.Operator));
        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_nul_character_is_rejected_since_postgresql_cannot_store_it()
    {
        var error = SingleError(() => Compile(QueryFilter.Where("name", FilterOperator.Contains, "a\0b")));
        Assert.Equal((QueryErrorCode.InvalidValue, "name", "contains"), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void Uuid_and_boolean_values_are_typed_parameters()
    {
        var id = Guid.NewGuid();
        var uuid = Parameter(QueryFilter.Where("id", FilterOperator.Eq, id));
        Assert.Equal((NpgsqlDbType.Uuid, (object)id), (uuid.NpgsqlDbType, uuid.Value!));
        Assert.Equal("ready <> @p0", WhereOf(QueryFilter.Where("ready", FilterOperator.Ne, true)));
        Assert.Equal(NpgsqlDbType.Boolean, Parameter(QueryFilter.Where("ready", FilterOperator.Eq, false)).NpgsqlDbType);
    }

    [Fact]
    public void A_string_where_a_uuid_is_expected_is_rejected()
    {
        var error = SingleError(() => Compile(QueryFilter.Where("id", FilterOperator.Eq, Guid.NewGuid().ToString())));
        Assert.Equal((QueryErrorCode.InvalidValue, "id", "eq"), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void Enum_fields_accept_only_their_known_values()
    {
        Assert.Equal("state = @p0", WhereOf(QueryFilter.Where("state", FilterOperator.Eq, "open")));
        var error = SingleError(() => Compile(QueryFilter.Where("state", FilterOperator.In, new[] { "open", "ajar" })));
        Assert.Equal((QueryErrorCode.InvalidValue, "state", "in"), (error.Code, error.Field, error.Operator));
        Assert.Contains("open, shut", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_and_out_send_one_typed_array_parameter()
    {
        Assert.Equal("count = ANY(@p0)", WhereOf(QueryFilter.Where("count", FilterOperator.In, new List<int> { 1, 2 })));
        Assert.Equal("count <> ALL(@p0)", WhereOf(QueryFilter.Where("count", FilterOperator.Out, new[] { 1, 2 })));
        var parameter = Parameter(QueryFilter.Where("count", FilterOperator.In, new object[] { 1, 2L }));
        Assert.Equal(NpgsqlDbType.Array | NpgsqlDbType.Integer, parameter.NpgsqlDbType);
        Assert.Equal(new[] { 1, 2 }, parameter.Value);
    }

    [Fact]
    public void In_accepts_a_thousand_values_but_not_more()
    {
        Compile(QueryFilter.Where("count", FilterOperator.In, Enumerable.Range(0, 1000).ToArray()));
        var error = SingleError(() => Compile(QueryFilter.Where("count", FilterOperator.In, Enumerable.Range(0, 1001).ToArray())));
        Assert.Equal((QueryErrorCode.TooManyValues, "count", "in"), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void In_rejects_a_single_value_a_string_and_a_null_element()
    {
        Assert.Equal(QueryErrorCode.InvalidValue, SingleError(() => Compile(QueryFilter.Where("count", FilterOperator.In, 3))).Code);
        Assert.Equal(QueryErrorCode.InvalidValue, SingleError(() => Compile(QueryFilter.Where("name", FilterOperator.In, "ab"))).Code);
        Assert.Equal(QueryErrorCode.InvalidValue, SingleError(() => Compile(QueryFilter.Where("name", FilterOperator.Out, new[] { "a", null }))).Code);
    }

    [Fact]
    public void Contains_and_excludes_on_text_look_for_the_raw_substring_without_pattern_characters()
    {
        const string Substring = "50%_off\\now";
        Assert.Equal("strpos(name, @p0) > 0", WhereOf(QueryFilter.Where("name", FilterOperator.Contains, Substring)));
        Assert.Equal("strpos(name, @p0) = 0", WhereOf(QueryFilter.Where("name", FilterOperator.Excludes, Substring)));
        Assert.Equal(Substring, Parameter(QueryFilter.Where("name", FilterOperator.Contains, Substring)).Value);
    }

    [Theory]
    [InlineData("a*b?c", "a%b_c")]
    [InlineData("100%", "100\\%")]
    [InlineData("snake_case*", "snake\\_case%")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("trailing\\", "trailing\\\\")]
    [InlineData("star\\*", "star*")]
    [InlineData("what\\?", "what?")]
    [InlineData("two\\\\*", "two\\\\%")]
    [InlineData("", "")]
    public void Like_translates_wildcards_and_escapes_sql_pattern_characters(string pattern, string sqlPattern)
    {
        Assert.Equal("name LIKE @p0", WhereOf(QueryFilter.Where("name", FilterOperator.Like, pattern)));
        Assert.Equal(sqlPattern, Parameter(QueryFilter.Where("name", FilterOperator.Like, pattern)).Value);
    }

    [Theory]
    [InlineData("count", FilterOperator.Like)]
    [InlineData("count", FilterOperator.Contains)]
    [InlineData("state", FilterOperator.Gt)]
    [InlineData("state", FilterOperator.Like)]
    [InlineData("id", FilterOperator.Like)]
    [InlineData("ready", FilterOperator.Gt)]
    [InlineData("ready", FilterOperator.In)]
    [InlineData("at", FilterOperator.Contains)]
    [InlineData("tags", FilterOperator.Gt)]
    [InlineData("tags", FilterOperator.Eq)]
    [InlineData("tags", FilterOperator.In)]
    [InlineData("links", FilterOperator.Like)]
    public void Operators_that_do_not_fit_the_field_kind_are_rejected_naming_field_and_operator(string field, FilterOperator op)
    {
        object value = field switch
        {
            "count" => 1,
            "ready" => true,
            "at" => DateTimeOffset.UnixEpoch,
            "id" => Guid.Empty,
            _ => "open",
        };
        var error = SingleError(() => Compile(QueryFilter.Where(field, op, value)));
        Assert.Equal((QueryErrorCode.OperatorNotSupported, field, QueryLanguageNames.Of(op)), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void Eq_null_and_ne_null_test_for_null_without_parameters()
    {
        Assert.Equal("nickname IS NULL", WhereOf(QueryFilter.Where("nickname", FilterOperator.Eq, null)));
        Assert.Equal("tags IS NOT NULL", WhereOf(QueryFilter.Where("tags", FilterOperator.Ne, null)));
        Assert.Single(Compile(QueryFilter.Where("nickname", FilterOperator.Eq, null)).Query.Parameters); // only LIMIT
    }

    [Fact]
    public void Null_with_other_operators_is_rejected()
    {
        var error = SingleError(() => Compile(QueryFilter.Where("rank", FilterOperator.Gt, null)));
        Assert.Equal((QueryErrorCode.InvalidValue, "rank", "gt"), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void Conditions_on_nullable_columns_are_guarded_so_that_nulls_match_only_negative_operators()
    {
        Assert.Equal("(rank IS NOT NULL AND rank > @p0)", WhereOf(QueryFilter.Where("rank", FilterOperator.Gt, 1)));
        Assert.Equal("(rank IS NULL OR rank <> @p0)", WhereOf(QueryFilter.Where("rank", FilterOperator.Ne, 1)));
        Assert.Equal("(nickname IS NULL OR strpos(nickname, @p0) = 0)", WhereOf(QueryFilter.Where("nickname", FilterOperator.Excludes, "x")));
        Assert.Equal("(nickname IS NULL OR nickname <> ALL(@p0))", WhereOf(QueryFilter.Where("nickname", FilterOperator.Out, new[] { "x" })));
    }

    [Fact]
    public void And_or_and_not_compose_parenthesized_expressions()
    {
        var filter = QueryFilter.And(
            QueryFilter.Where("count", FilterOperator.Gt, 1),
            QueryFilter.Not(QueryFilter.Or(QueryFilter.Where("name", FilterOperator.Eq, "a"), QueryFilter.Where("name", FilterOperator.Eq, "b"))));
        Assert.Equal("(count > @p0 AND NOT ((name = @p1 OR name = @p2)))", WhereOf(filter));
    }

    [Fact]
    public void Empty_and_is_true_and_empty_or_is_false()
    {
        Assert.Equal("TRUE", WhereOf(QueryFilter.And()));
        Assert.Equal("FALSE", WhereOf(QueryFilter.Or()));
        Assert.Equal("count = @p0", WhereOf(QueryFilter.Or(QueryFilter.Where("count", FilterOperator.Eq, 1))));
    }

    [Fact]
    public void Contains_and_excludes_on_a_list_use_array_containment()
    {
        Assert.Equal("tags @> @p0", WhereOf(QueryFilter.Where("tags", FilterOperator.Contains, "red")));
        Assert.Equal("NOT (tags @> @p0)", WhereOf(QueryFilter.Where("tags", FilterOperator.Excludes, "red")));
        var parameter = Parameter(QueryFilter.Where("tags", FilterOperator.Contains, "red"));
        Assert.Equal(NpgsqlDbType.Array | NpgsqlDbType.Text, parameter.NpgsqlDbType);
        Assert.Equal(new[] { "red" }, parameter.Value);
    }

    [Fact]
    public void Some_eq_and_some_in_use_gin_indexable_array_operators()
    {
        Assert.Equal("tags @> @p0", WhereOf(QueryFilter.Elements("tags", ListQuantifier.Some, FilterOperator.Eq, "red")));
        Assert.Equal("tags && @p0", WhereOf(QueryFilter.Elements("tags", ListQuantifier.Some, FilterOperator.In, new[] { "red", "blue" })));
        Assert.Equal("NOT (tags @> @p0)", WhereOf(QueryFilter.Elements("tags", ListQuantifier.None, FilterOperator.Eq, "red")));
        Assert.Equal("tags <@ @p0", WhereOf(QueryFilter.Elements("tags", ListQuantifier.All, FilterOperator.In, new[] { "red", "blue" })));
        var id = Guid.NewGuid();
        var parameter = Parameter(QueryFilter.Elements("links", ListQuantifier.Some, FilterOperator.Eq, id));
        Assert.Equal(NpgsqlDbType.Array | NpgsqlDbType.Uuid, parameter.NpgsqlDbType);
        Assert.Equal(new[] { id }, parameter.Value);
    }

    [Fact]
    public void Other_element_conditions_quantify_over_the_unnested_elements()
    {
        Assert.Equal(
            "EXISTS (SELECT 1 FROM unnest(tags) AS element(element_value) WHERE element.element_value LIKE @p0)",
            WhereOf(QueryFilter.Elements("tags", ListQuantifier.Some, FilterOperator.Like, "r*")));
        Assert.Equal(
            "NOT EXISTS (SELECT 1 FROM unnest(tags) AS element(element_value) WHERE NOT (element.element_value > @p0))",
            WhereOf(QueryFilter.Elements("tags", ListQuantifier.All, FilterOperator.Gt, "m")));
        Assert.Equal(
            "NOT EXISTS (SELECT 1 FROM unnest(tags) AS element(element_value) WHERE strpos(element.element_value, @p0) > 0 AND element.element_value <> @p1)",
            WhereOf(new ListCondition("tags", ListQuantifier.None, [new ElementCondition(FilterOperator.Contains, "e"), new ElementCondition(FilterOperator.Ne, "red")])));
    }

    [Fact]
    public void Any_tests_whether_a_list_is_empty_and_nullable_lists_count_null_as_empty()
    {
        Assert.Equal("cardinality(tags) > 0", WhereOf(QueryFilter.Any("tags", true)));
        Assert.Equal("cardinality(tags) = 0", WhereOf(QueryFilter.Any("tags", false)));
        Assert.Equal("(maybe_tags IS NULL OR cardinality(maybe_tags) = 0)", WhereOf(QueryFilter.Any("maybeTags", false)));
        Assert.Equal("(maybe_tags IS NOT NULL AND maybe_tags @> @p0)", WhereOf(QueryFilter.Elements("maybeTags", ListQuantifier.Some, FilterOperator.Eq, "x")));
    }

    [Fact]
    public void List_quantifiers_are_rejected_on_scalar_fields_and_with_misfit_element_conditions()
    {
        var scalar = SingleError(() => Compile(QueryFilter.Elements("name", ListQuantifier.Some, FilterOperator.Eq, "x")));
        Assert.Equal((QueryErrorCode.OperatorNotSupported, "name", "some"), (scalar.Code, scalar.Field, scalar.Operator));
        var uuidLike = SingleError(() => Compile(QueryFilter.Elements("links", ListQuantifier.All, FilterOperator.Like, "x*")));
        Assert.Equal((QueryErrorCode.OperatorNotSupported, "links", "all.like"), (uuidLike.Code, uuidLike.Field, uuidLike.Operator));
        var nullElement = SingleError(() => Compile(QueryFilter.Elements("tags", ListQuantifier.Some, FilterOperator.Eq, null)));
        Assert.Equal((QueryErrorCode.InvalidValue, "some.eq"), (nullElement.Code, nullElement.Operator));
        var none = SingleError(() => Compile(new ListCondition("tags", ListQuantifier.Some, [])));
        Assert.Equal(QueryErrorCode.InvalidValue, none.Code);
        var any = SingleError(() => Compile(QueryFilter.Any("count", true)));
        Assert.Equal((QueryErrorCode.OperatorNotSupported, "count", "any"), (any.Code, any.Field, any.Operator));
    }

    [Fact]
    public void Unknown_fields_are_rejected_by_name_and_unselectable_columns_are_not_filterable()
    {
        var error = SingleError(() => Compile(QueryFilter.Where("secret_payload", FilterOperator.Eq, "x")));
        Assert.Equal((QueryErrorCode.UnknownField, "secret_payload", "eq"), (error.Code, error.Field, error.Operator));
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        Assert.Equal(QueryErrorCode.UnknownField, SingleError(() => Compile(QueryFilter.Where("Name", FilterOperator.Eq, "x"))).Code);
    }

    [Fact]
    public void Filters_nested_ten_deep_pass_and_eleven_deep_are_rejected()
    {
        static QueryFilter Nest(int depth) => depth == 1 ? QueryFilter.Where("count", FilterOperator.Eq, 1) : QueryFilter.Not(Nest(depth - 1));
        Compile(Nest(10));
        Assert.Equal(QueryErrorCode.FilterTooDeep, SingleError(() => Compile(Nest(11))).Code);
    }

    [Fact]
    public void A_hundred_conditions_pass_and_a_hundred_and_one_are_rejected()
    {
        static QueryFilter Many(int count) => QueryFilter.Or([.. Enumerable.Range(0, count).Select(i => QueryFilter.Where("count", FilterOperator.Eq, i))]);
        Compile(Many(100));
        Assert.Equal(QueryErrorCode.TooManyConditions, SingleError(() => Compile(Many(101))).Code);
        Assert.Equal(QueryErrorCode.TooManyConditions, SingleError(() => Compile(Many(100_000))).Code);
    }

    [Fact]
    public void Limits_are_configurable_on_the_description()
    {
        var strict = new ReadModelDescription("things", "id", ReadModel.Fields, []) { MaxListValues = 2, MaxFilterConditions = 1 };
        var tooMany = SingleError(() => Compile(QueryFilter.Where("count", FilterOperator.In, new[] { 1, 2, 3 }), model: strict));
        Assert.Equal(QueryErrorCode.TooManyValues, tooMany.Code);
        var conditions = SingleError(() => Compile(QueryFilter.And(QueryFilter.Where("count", FilterOperator.Eq, 1), QueryFilter.Where("count", FilterOperator.Eq, 2)), model: strict));
        Assert.Equal(QueryErrorCode.TooManyConditions, conditions.Code);
    }

    [Fact]
    public void Every_mistake_in_a_filter_is_reported_at_once()
    {
        var filter = QueryFilter.And(
            QueryFilter.Where("nope", FilterOperator.Eq, 1),
            QueryFilter.Where("count", FilterOperator.Like, "x"),
            QueryFilter.Where("at", FilterOperator.Eq, "yesterday"));
        var exception = Assert.Throws<QueryValidationException>(() => Compile(filter));
        Assert.Equal(
            [QueryErrorCode.UnknownField, QueryErrorCode.OperatorNotSupported, QueryErrorCode.InvalidValue],
            exception.Errors.Select(e => e.Code));
    }

    [Fact]
    public void User_values_never_reach_the_sql_text()
    {
        const string Hostile = "x'; DROP TABLE things; --";
        var filter = QueryFilter.Or(
            QueryFilter.Where("name", FilterOperator.Eq, Hostile),
            QueryFilter.Where("name", FilterOperator.Like, Hostile),
            QueryFilter.Where("nickname", FilterOperator.Contains, Hostile),
            QueryFilter.Elements("tags", ListQuantifier.Some, FilterOperator.Eq, Hostile),
            QueryFilter.Elements("tags", ListQuantifier.All, FilterOperator.Ne, Hostile));
        var compiled = Compile(filter, count: true);
        Assert.DoesNotContain("DROP", compiled.Query.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", compiled.CountQuery!.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("'", compiled.Query.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_count_query_counts_with_the_same_filter_and_nothing_else()
    {
        var compiled = Compile(QueryFilter.Where("count", FilterOperator.Gt, 3), page: new PageRequest(First: 5), count: true);
        Assert.Equal("SELECT count(*) FROM things WHERE count > @p0", compiled.CountQuery!.Sql);
        Assert.Equal(3, Assert.Single(compiled.CountQuery.Parameters).Value);
        Assert.Null(Compile(QueryFilter.Where("count", FilterOperator.Gt, 3)).CountQuery);
        Assert.Equal("SELECT count(*) FROM things", ReadModelQueryCompiler.CompileCount(ReadModel, null).Sql);
    }
}
