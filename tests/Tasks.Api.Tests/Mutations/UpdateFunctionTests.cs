using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class UpdateFunctionTests(ApiHost api)
{
    private const string Update =
        "mutation($input: UpdateFunctionInput!) { updateFunction(input: $input) { function { " + CreateFunctionTests.FunctionFields + " } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task Updating_some_fields_changes_them_and_keeps_every_other_field()
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(Update, new { input = new { name, timeLimit = 60, runtime = "java21" } });

        Payloads.NoErrors(response.At("updateFunction.errors"));
        var function = response.At("updateFunction.function");
        Assert.Equal(60, function.GetProperty("timeLimit").GetInt32());
        Assert.Equal("java21", function.GetProperty("runtime").GetString());
        Assert.Equal("the original", function.GetProperty("description").GetString());
        Assert.Equal("main.handler", function.GetProperty("entryPoint").GetString());
        Assert.Equal(512, function.GetProperty("memoryLimit").GetInt32());
        Assert.Equal(["KEY"], function.GetProperty("environmentVariableNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("PUBLIC", function.GetProperty("executionPermission").GetString());
        Assert.Equal(4, function.GetProperty("defaultPriority").GetInt32());
        Assert.True(function.GetProperty("retryPolicy").GetProperty("enabled").GetBoolean());
        Assert.Equal(11, function.GetProperty("code").GetProperty("sizeBytes").GetInt64());
        Assert.True(function.GetProperty("enabled").GetBoolean());
        Assert.Equal(2, function.GetProperty("version").GetInt32());
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { timeLimit runtime description } }", new { name });
        Assert.Equal(60, read.At("function.timeLimit").GetInt32());
        Assert.Equal("the original", read.At("function.description").GetString());
    }

    [Fact]
    public async Task An_explicit_null_description_clears_it_and_an_explicit_null_default_priority_clears_it()
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(
            "mutation($name: String!) { updateFunction(input: { name: $name, description: null, defaultPriority: null }) { function { description defaultPriority timeLimit } " + Payloads.ErrorFields + " } }",
            new { name });

        Payloads.NoErrors(response.At("updateFunction.errors"));
        Assert.True(Payloads.IsNull(response.At("updateFunction.function.description")));
        Assert.True(Payloads.IsNull(response.At("updateFunction.function.defaultPriority")));
        Assert.Equal(90, response.At("updateFunction.function.timeLimit").GetInt32());
    }

    [Fact]
    public async Task An_explicit_null_code_clears_the_package_so_the_function_names_an_existing_lambda()
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(
            "mutation($name: String!) { updateFunction(input: { name: $name, code: null }) { function { code { sha256 } entryPoint } " + Payloads.ErrorFields + " } }",
            new { name });

        Payloads.NoErrors(response.At("updateFunction.errors"));
        Assert.True(Payloads.IsNull(response.At("updateFunction.function.code")));
        Assert.Equal("main.handler", response.At("updateFunction.function.entryPoint").GetString());
    }

    [Fact]
    public async Task Replacing_the_environment_replaces_every_variable()
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(Update, new { input = new { name, environment = new[] { new { name = "OTHER", value = "1" }, new { name = "THIRD", value = "2" } } } });

        Payloads.NoErrors(response.At("updateFunction.errors"));
        Assert.Equal(["OTHER", "THIRD"], response.At("updateFunction.function.environmentVariableNames").EnumerateArray().Select(n => n.GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("entryPoint")]
    [InlineData("runtime")]
    [InlineData("timeLimit")]
    [InlineData("memoryLimit")]
    [InlineData("retryPolicy")]
    [InlineData("environment")]
    [InlineData("executionPermission")]
    public async Task An_explicit_null_for_a_field_every_function_has_is_a_validation_error_on_that_field(string field)
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(
            "mutation($name: String!) { updateFunction(input: { name: $name, " + field + ": null }) { function { name } " + Payloads.ErrorFields + " } }",
            new { name });

        Payloads.SingleError(response.At("updateFunction.errors"), "ValidationError", "VALIDATION", field);
        Assert.True(Payloads.IsNull(response.At("updateFunction.function")));
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { entryPoint version } }", new { name });
        Assert.Equal("main.handler", read.At("function.entryPoint").GetString());
        Assert.Equal(1, read.At("function.version").GetInt32());
    }

    [Theory]
    [InlineData("timeLimit", "301")]
    [InlineData("memoryLimit", "64")]
    [InlineData("runtime", "\"nodejs4.3\"")]
    [InlineData("code", "\"%%%\"")]
    public async Task An_update_breaking_a_rule_is_a_validation_error_on_that_field_and_changes_nothing(string field, string valueJson)
    {
        var name = await CreateRichFunctionAsync();
        using var value = JsonDocument.Parse(valueJson);

        var response = await api.AdminAsync(Update, new { input = new Dictionary<string, object?> { ["name"] = name, [field] = value.RootElement } });

        Payloads.SingleError(response.At("updateFunction.errors"), "ValidationError", "VALIDATION", field);
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { version } }", new { name });
        Assert.Equal(1, read.At("function.version").GetInt32());
    }

    [Fact]
    public async Task Updating_an_unknown_function_is_not_found()
    {
        var response = await api.AdminAsync(Update, new { input = new { name = Payloads.UniqueName("missing"), timeLimit = 10 } });

        var error = Payloads.SingleError(response.At("updateFunction.errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(response.At("updateFunction.function")));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_succeeds_without_a_new_version()
    {
        var name = await CreateRichFunctionAsync();

        var response = await api.AdminAsync(Update, new { input = new { name, timeLimit = 90 } });

        Payloads.NoErrors(response.At("updateFunction.errors"));
        Assert.Equal(1, response.At("updateFunction.function.version").GetInt32());
    }

    private async Task<string> CreateRichFunctionAsync()
    {
        var name = Payloads.UniqueName("fn");
        var response = await api.AdminAsync(
            "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message field } } }",
            new
            {
                input = new
                {
                    name,
                    description = "the original",
                    code = Convert.ToBase64String("hello world"u8.ToArray()),
                    entryPoint = "main.handler",
                    runtime = "nodejs20.x",
                    timeLimit = 90,
                    memoryLimit = 512,
                    environment = new[] { new { name = "KEY", value = "value" } },
                    executionPermission = "PUBLIC",
                    defaultPriority = 4,
                    retryPolicy = new { enabled = true },
                },
            });
        Assert.Equal(name, response.At("createFunction.function.name").GetString());
        return name;
    }
}
