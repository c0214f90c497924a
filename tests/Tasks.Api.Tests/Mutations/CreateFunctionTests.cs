using System.Security.Cryptography;
using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class CreateFunctionTests(ApiHost api)
{
    public const string FunctionFields =
        "name description code { sha256 sizeBytes } entryPoint runtime timeLimit memoryLimit environmentVariableNames executionPermission defaultPriority retryPolicy { enabled errorsToRetry } enabled version";

    private const string Create = "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { " + FunctionFields + " } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task A_function_is_registered_with_every_field_given_and_its_code_is_described_by_hash_and_size()
    {
        var name = Payloads.UniqueName("fn");
        var package = RandomNumberGenerator.GetBytes(1500);

        var response = await api.AdminAsync(Create, new
        {
            input = new
            {
                name,
                description = "Sends the invoices",
                code = Convert.ToBase64String(package),
                entryPoint = "src/index.handler",
                runtime = "python3.12",
                timeLimit = 120,
                memoryLimit = 1024,
                environment = new[] { new { name = "API_URL", value = "https://example.test" }, new { name = "SECRET", value = "s3cr3t" } },
                executionPermission = "ALL_USERS",
                defaultPriority = 3,
                retryPolicy = new { enabled = true, errorsToRetry = new[] { "timeout", "throttled" } },
                enabled = false,
            },
        });

        Payloads.NoErrors(response.At("createFunction.errors"));
        var function = response.At("createFunction.function");
        Assert.Equal(name, function.GetProperty("name").GetString());
        Assert.Equal("Sends the invoices", function.GetProperty("description").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package)), function.GetProperty("code").GetProperty("sha256").GetString());
        Assert.Equal(1500, function.GetProperty("code").GetProperty("sizeBytes").GetInt64());
        Assert.Equal("src/index.handler", function.GetProperty("entryPoint").GetString());
        Assert.Equal("python3.12", function.GetProperty("runtime").GetString());
        Assert.Equal(120, function.GetProperty("timeLimit").GetInt32());
        Assert.Equal(1024, function.GetProperty("memoryLimit").GetInt32());
        Assert.Equal(["API_URL", "SECRET"], function.GetProperty("environmentVariableNames").EnumerateArray().Select(n => n.GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("s3cr3t", response.Text, StringComparison.Ordinal);
        Assert.Equal("ALL_USERS", function.GetProperty("executionPermission").GetString());
        Assert.Equal(3, function.GetProperty("defaultPriority").GetInt32());
        Assert.True(function.GetProperty("retryPolicy").GetProperty("enabled").GetBoolean());
        Assert.Equal(["timeout", "throttled"], function.GetProperty("retryPolicy").GetProperty("errorsToRetry").EnumerateArray().Select(e => e.GetString()));
        Assert.False(function.GetProperty("enabled").GetBoolean());
        Assert.Equal(1, function.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_function_registered_with_only_the_required_fields_gets_the_documented_defaults()
    {
        var name = Payloads.UniqueName("fn");

        var response = await api.AdminAsync(Create, new { input = new { name, entryPoint = "index.handler", runtime = "nodejs22.x" } });

        Payloads.NoErrors(response.At("createFunction.errors"));
        var function = response.At("createFunction.function");
        Assert.True(Payloads.IsNull(function.GetProperty("description")));
        Assert.True(Payloads.IsNull(function.GetProperty("code")));
        Assert.Equal(30, function.GetProperty("timeLimit").GetInt32());
        Assert.Equal(128, function.GetProperty("memoryLimit").GetInt32());
        Assert.Empty(function.GetProperty("environmentVariableNames").EnumerateArray());
        Assert.Equal("PERMISSION_REQUIRED", function.GetProperty("executionPermission").GetString());
        Assert.True(Payloads.IsNull(function.GetProperty("defaultPriority")));
        Assert.False(function.GetProperty("retryPolicy").GetProperty("enabled").GetBoolean());
        Assert.Empty(function.GetProperty("retryPolicy").GetProperty("errorsToRetry").EnumerateArray());
        Assert.True(function.GetProperty("enabled").GetBoolean());
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { name runtime } }", new { name });
        Assert.Equal("nodejs22.x", read.At("function.runtime").GetString());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(300)]
    public async Task A_time_limit_at_either_end_of_3_to_300_seconds_is_accepted(int timeLimit)
    {
        var response = await CreateAsync(new Dictionary<string, object?> { ["timeLimit"] = timeLimit });

        Payloads.NoErrors(response.At("createFunction.errors"));
        Assert.Equal(timeLimit, response.At("createFunction.function.timeLimit").GetInt32());
    }

    [Theory]
    [InlineData(128)]
    [InlineData(10240)]
    public async Task A_memory_limit_at_either_end_of_128_to_10240_megabytes_is_accepted(int memoryLimit)
    {
        var response = await CreateAsync(new Dictionary<string, object?> { ["memoryLimit"] = memoryLimit });

        Payloads.NoErrors(response.At("createFunction.errors"));
        Assert.Equal(memoryLimit, response.At("createFunction.function.memoryLimit").GetInt32());
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        // case, the input field's JSON value, the field the error names
        { "name with a space", """{ "name": "has space" }""", "name" },
        { "name with an underscore", """{ "name": "has_underscore" }""", "name" },
        { "name with a dot", """{ "name": "has.dot" }""", "name" },
        { "empty name", """{ "name": "" }""", "name" },
        { "name of 65 characters", "{ \"name\": \"" + new string('a', 65) + "\" }", "name" },
        { "unknown runtime", """{ "runtime": "cobol85" }""", "runtime" },
        { "runtime in the wrong case", """{ "runtime": "NodeJS22.x" }""", "runtime" },
        { "empty entry point", """{ "entryPoint": "  " }""", "entryPoint" },
        { "entry point of 129 characters", "{ \"entryPoint\": \"" + new string('e', 129) + "\" }", "entryPoint" },
        { "time limit 2", """{ "timeLimit": 2 }""", "timeLimit" },
        { "time limit 301", """{ "timeLimit": 301 }""", "timeLimit" },
        { "memory limit 127", """{ "memoryLimit": 127 }""", "memoryLimit" },
        { "memory limit 10241", """{ "memoryLimit": 10241 }""", "memoryLimit" },
        { "environment over 4 KB", "{ \"environment\": [{ \"name\": \"BIG\", \"value\": \"" + new string('v', 4094) + "\" }] }", "environment" },
        { "environment variable name starting with a digit", """{ "environment": [{ "name": "1ABC", "value": "x" }] }""", "environment" },
        { "environment variable name with a dash", """{ "environment": [{ "name": "A-B", "value": "x" }] }""", "environment" },
        { "environment variable given twice", """{ "environment": [{ "name": "A", "value": "1" }, { "name": "A", "value": "2" }] }""", "environment" },
        { "code that is not base64", """{ "code": "this is not base64!" }""", "code" },
        { "empty code", """{ "code": "" }""", "code" },
        { "blank error type to retry", """{ "retryPolicy": { "enabled": true, "errorsToRetry": [" "] } }""", "retryPolicy" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_validation_error_naming_that_field(string @case, string fieldsJson, string field)
    {
        using var fields = JsonDocument.Parse(fieldsJson);
        var overrides = fields.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        var response = await CreateAsync(overrides);

        Assert.True(response.Errors.Count == 0, @case + ": " + response.Text);
        Payloads.SingleError(response.At("createFunction.errors"), "ValidationError", "VALIDATION", field);
        Assert.True(Payloads.IsNull(response.At("createFunction.function")), @case);
    }

    [Fact]
    public async Task An_environment_of_exactly_4096_bytes_is_accepted()
    {
        var response = await CreateAsync(new Dictionary<string, object?>
        {
            ["environment"] = new[] { new { name = "BIG", value = new string('v', 4093) } },
        });

        Payloads.NoErrors(response.At("createFunction.errors"));
        Assert.Equal(["BIG"], response.At("createFunction.function.environmentVariableNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task A_code_package_over_20_megabytes_is_a_validation_error_on_field_code()
    {
        var response = await CreateAsync(new Dictionary<string, object?> { ["code"] = Convert.ToBase64String(new byte[(20 * 1024 * 1024) + 1]) });

        Payloads.SingleError(response.At("createFunction.errors"), "ValidationError", "VALIDATION", "code");
    }

    [Fact]
    public async Task Registering_a_name_that_exists_is_already_exists_on_field_name_and_leaves_the_function_unchanged()
    {
        var name = Payloads.UniqueName("fn");
        await CreateAsync(new Dictionary<string, object?> { ["name"] = name, ["description"] = "first" });

        var again = await CreateAsync(new Dictionary<string, object?> { ["name"] = name, ["description"] = "second" });

        var error = Payloads.SingleError(again.At("createFunction.errors"), "AlreadyExistsError", "ALREADY_EXISTS", "name");
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(again.At("createFunction.function")));
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { description version } }", new { name });
        Assert.Equal("first", read.At("function.description").GetString());
        Assert.Equal(1, read.At("function.version").GetInt32());
    }

    private Task<GraphQLResponse> CreateAsync(IReadOnlyDictionary<string, object?> overrides)
    {
        var input = new Dictionary<string, object?>
        {
            ["name"] = Payloads.UniqueName("fn"),
            ["entryPoint"] = "index.handler",
            ["runtime"] = "nodejs22.x",
        };
        foreach (var (key, value) in overrides)
        {
            input[key] = value;
        }

        return api.AdminAsync(Create, new { input });
    }
}
