using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tasks.TestSupport.Lambda;

/// <summary>
/// An in-memory AWS Lambda API on a free loopback port, for tests. It verifies every request's SigV4 signature (and
/// session token) with <see cref="SigV4Verifier"/> and refuses bad ones with 403, records every request, and implements
/// Invoke (<c>POST /2015-03-31/functions/{name}/invocations</c>, answering per <see cref="FakeLambdaFunction"/>) and the
/// deployment routes: GetFunction, GetFunctionConfiguration, CreateFunction, UpdateFunctionCode,
/// UpdateFunctionConfiguration, DeleteFunction. Unknown functions get 404 <c>ResourceNotFoundException</c>; an execution
/// role that is not an IAM role ARN gets 400 <c>InvalidParameterValueException</c>, a zip over
/// <see cref="FakeLambdaServerOptions.MaxZipBytes"/> 413 <c>RequestEntityTooLargeException</c>. <see cref="Fail"/> makes
/// an operation answer an error a number of times (outages, throttling).
/// </summary>
public sealed class FakeLambdaServer : IAsyncDisposable
{
    private const string FunctionsPath = "/2015-03-31/functions";
    private const int LogTailBytes = 4096;

    private readonly WebApplication app;
    private readonly SigV4Verifier verifier;
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeLambdaFunction> functions = new(StringComparer.Ordinal);
    private readonly List<RecordedLambdaRequest> requests = [];
    private readonly Dictionary<string, (FakeLambdaResponse Answer, int Remaining)> faults = new(StringComparer.Ordinal);

    private FakeLambdaServer(WebApplication app, FakeLambdaServerOptions options)
    {
        this.app = app;
        Options = options;
        verifier = new SigV4Verifier(options.AccessKeyId, options.SecretAccessKey, options.Region, "lambda", options.AllowedClockSkew);
    }

    /// <summary>The settings it runs with (credentials to sign with, region).</summary>
    public FakeLambdaServerOptions Options { get; }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<RecordedLambdaRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a server.</summary>
    /// <param name="options">Its settings (defaults when null).</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<FakeLambdaServer> StartAsync(FakeLambdaServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 128 * 1024 * 1024);
        var app = builder.Build();
        var server = new FakeLambdaServer(app, options ?? new FakeLambdaServerOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = new Uri(address, UriKind.Absolute);
        return server;
    }

    /// <summary>Adds a deployed function without code (one that "already exists" in Lambda); it echoes its events until told otherwise.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The function, to set its behaviour.</returns>
    public FakeLambdaFunction AddFunction(string name)
    {
        lock (gate)
        {
            if (!functions.TryGetValue(name, out var function))
            {
                functions[name] = function = new FakeLambdaFunction(name, Options.Region, gate);
            }

            return function;
        }
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> requests of <paramref name="operation"/> (<c>GetFunction</c>,
    /// <c>GetFunctionConfiguration</c>, <c>CreateFunction</c>, <c>UpdateFunctionCode</c>, <c>UpdateFunctionConfiguration</c>,
    /// <c>DeleteFunction</c>, <c>Invoke</c>) answer <paramref name="answer"/> without effect.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="answer">What they answer, e.g. <see cref="FakeLambdaResponse.ApiError"/> 500 <c>ServiceException</c>.</param>
    /// <param name="times">How many requests fail.</param>
    public void Fail(string operation, FakeLambdaResponse answer, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (gate)
        {
            faults[operation] = (answer, times);
        }
    }

    /// <summary>The function of that name, if deployed.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The function, or null.</returns>
    public FakeLambdaFunction? FindFunction(string name)
    {
        lock (gate)
        {
            return functions.GetValueOrDefault(name);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var headerList = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty))).ToList();

        var verification = verifier.Verify(request.Method, rawTarget, headerList, body, Options.TimeProvider.GetUtcNow());
        if (verification.IsValid && Options.SessionToken is { } token && request.Headers["X-Amz-Security-Token"].ToString() != token)
        {
            verification = SigV4Verification.Refused(SigV4Verifier.UnrecognizedClient, "The security token included in the request is invalid.");
        }

        var answer = verification.IsValid
            ? await RouteAsync(request.Method, request.Path.Value ?? "/", request.Headers, body, context.RequestAborted).ConfigureAwait(false)
            : (FakeLambdaResponse.ApiError(403, verification.ErrorType!, verification.Message!), null);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (gate)
        {
            requests.Add(new RecordedLambdaRequest(
                request.Method,
                request.Path.Value ?? "/",
                rawTarget,
                headers,
                Encoding.UTF8.GetString(body),
                verification.IsValid,
                verification.IsValid ? null : verification.Message,
                answer.Response.StatusCode));
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await WriteAsync(context, answer.Response, answer.LogTail).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, FakeLambdaResponse answer, string? logTail)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.FunctionError is not null)
        {
            response.Headers["X-Amz-Function-Error"] = answer.FunctionError;
        }

        if (answer.ErrorType is not null)
        {
            response.Headers["x-amzn-ErrorType"] = answer.ErrorType;
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (logTail is not null)
        {
            response.Headers["X-Amz-Log-Result"] = logTail;
        }

        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (answer.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(FakeLambdaResponse Response, string? LogTail)> RouteAsync(
        string method,
        string path,
        IHeaderDictionary headers,
        byte[] body,
        CancellationToken aborted)
    {
        if (!path.StartsWith(FunctionsPath, StringComparison.Ordinal))
        {
            return (FakeLambdaResponse.ApiError(404, "UnknownOperationException", $"Unknown operation {method} {path}."), null);
        }

        var rest = path[FunctionsPath.Length..].Trim('/');
        var parts = rest.Length == 0 ? [] : rest.Split('/');
        if (InjectedFault(Operation(method, parts)) is { } fault)
        {
            return (fault, null);
        }

        try
        {
            return (method, parts) switch
            {
                ("POST", []) => (Create(body), null),
                ("POST", [var name, "invocations"]) => await InvokeAsync(name, headers, body, aborted).ConfigureAwait(false),
                ("GET", [var name]) => (GetFunction(name), null),
                ("GET", [var name, "configuration"]) => (GetConfiguration(name), null),
                ("PUT", [var name, "code"]) => (UpdateCode(name, body), null),
                ("PUT", [var name, "configuration"]) => (UpdateConfiguration(name, body), null),
                ("DELETE", [var name]) => (Delete(name), null),
                _ => (FakeLambdaResponse.ApiError(404, "UnknownOperationException", $"Unknown operation {method} {path}."), null),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return (FakeLambdaResponse.ApiError(400, "InvalidRequestContentException", $"Could not parse request body into json: {ex.Message}"), null);
        }
    }

    private static string Operation(string method, string[] parts) => (method, parts) switch
    {
        ("POST", []) => "CreateFunction",
        ("POST", [_, "invocations"]) => "Invoke",
        ("GET", [_]) => "GetFunction",
        ("GET", [_, "configuration"]) => "GetFunctionConfiguration",
        ("PUT", [_, "code"]) => "UpdateFunctionCode",
        ("PUT", [_, "configuration"]) => "UpdateFunctionConfiguration",
        ("DELETE", [_]) => "DeleteFunction",
        _ => "Unknown",
    };

    private FakeLambdaResponse? InjectedFault(string operation)
    {
        lock (gate)
        {
            if (!faults.TryGetValue(operation, out var fault) || fault.Remaining <= 0)
            {
                return null;
            }

            faults[operation] = fault with { Remaining = fault.Remaining - 1 };
            return fault.Answer;
        }
    }

    private async Task<(FakeLambdaResponse, string?)> InvokeAsync(string name, IHeaderDictionary headers, byte[] body, CancellationToken aborted)
    {
        FakeLambdaFunction? function;
        lock (gate)
        {
            function = functions.GetValueOrDefault(name);
            if (function is { State: "Pending" })
            {
                return (Conflict($"The operation cannot be performed at this time. The function is currently in the following state: Pending"), null);
            }
        }

        if (function is null)
        {
            return (NotFound(name), null);
        }

        var eventJson = Encoding.UTF8.GetString(body);
        if (body.Length > 0)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                return (FakeLambdaResponse.ApiError(400, "InvalidRequestContentException", $"Could not parse request body into json: {ex.Message}"), null);
            }
        }

        var (handler, delay, logs) = function.Invoked(eventJson);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, Options.TimeProvider, aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (FakeLambdaResponse.ApiError(499, "ClientClosedRequest", "The client went away."), null);
            }
        }

        var response = handler(eventJson);
        string? tail = null;
        if (response.StatusCode == 200 && string.Equals(headers["X-Amz-Log-Type"].ToString(), "Tail", StringComparison.OrdinalIgnoreCase) && logs.Count > 0)
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join('\n', logs) + "\n");
            tail = Convert.ToBase64String(bytes.AsSpan(Math.Max(0, bytes.Length - LogTailBytes)));
        }

        return (response, tail);
    }

    private FakeLambdaResponse Create(byte[] body)
    {
        var json = JsonNode.Parse(body);
        var name = FakeLambdaJson.String(json, "FunctionName");
        var role = FakeLambdaJson.String(json, "Role");
        var runtime = FakeLambdaJson.String(json, "Runtime");
        var handler = FakeLambdaJson.String(json, "Handler");
        var zip = FakeLambdaJson.String(json?["Code"], "ZipFile");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(role) || string.IsNullOrEmpty(runtime) || string.IsNullOrEmpty(handler) || zip is null)
        {
            return FakeLambdaResponse.ApiError(400, "InvalidParameterValueException", "FunctionName, Role, Runtime, Handler and Code.ZipFile are required.");
        }

        if (RefusedConfiguration(json!) is { } refusedConfiguration)
        {
            return refusedConfiguration;
        }

        var code = Convert.FromBase64String(zip);
        if (code.Length > Options.MaxZipBytes)
        {
            return TooLarge("CreateFunction", code.Length);
        }

        lock (gate)
        {
            if (functions.ContainsKey(name))
            {
                return Conflict($"Function already exist: {name}");
            }

            var function = new FakeLambdaFunction(name, Options.Region, gate);
            ApplyConfiguration(function, json!);
            SetCode(function, code);
            if (Options.PollsUntilSettled > 0)
            {
                function.State = "Pending";
                function.PollsUntilSettled = Options.PollsUntilSettled;
            }

            functions[name] = function;
            return new FakeLambdaResponse(201, Configuration(function));
        }
    }

    private FakeLambdaResponse GetFunction(string name)
    {
        lock (gate)
        {
            if (!functions.TryGetValue(name, out var function))
            {
                return NotFound(name);
            }

            var answer = new JsonObject
            {
                ["Configuration"] = JsonNode.Parse(Configuration(function)),
                ["Code"] = new JsonObject { ["RepositoryType"] = "S3", ["Location"] = $"https://awslambda.example/{name}.zip" },
            };
            return new FakeLambdaResponse(200, answer.ToJsonString());
        }
    }

    private FakeLambdaResponse GetConfiguration(string name)
    {
        lock (gate)
        {
            if (!functions.TryGetValue(name, out var function))
            {
                return NotFound(name);
            }

            var answer = Configuration(function);
            if (function.Busy && --function.PollsUntilSettled <= 0)
            {
                function.State = "Active";
                function.LastUpdateStatus = "Successful";
            }

            return new FakeLambdaResponse(200, answer);
        }
    }

    private FakeLambdaResponse UpdateCode(string name, byte[] body)
    {
        var zip = FakeLambdaJson.String(JsonNode.Parse(body), "ZipFile");
        lock (gate)
        {
            if (!functions.TryGetValue(name, out var function))
            {
                return NotFound(name);
            }

            if (function.Busy)
            {
                return Conflict($"The operation cannot be performed at this time. An update is in progress for resource: {function.Arn}");
            }

            if (zip is null)
            {
                return FakeLambdaResponse.ApiError(400, "InvalidParameterValueException", "ZipFile is required.");
            }

            var code = Convert.FromBase64String(zip);
            if (code.Length > Options.MaxZipBytes)
            {
                return TooLarge("UpdateFunctionCode", code.Length);
            }

            SetCode(function, code);
            function.CodeUpdates++;
            StartUpdate(function);
            return new FakeLambdaResponse(200, Configuration(function));
        }
    }

    private FakeLambdaResponse UpdateConfiguration(string name, byte[] body)
    {
        var json = JsonNode.Parse(body) ?? throw new JsonException("Empty body.");
        lock (gate)
        {
            if (!functions.TryGetValue(name, out var function))
            {
                return NotFound(name);
            }

            if (function.Busy)
            {
                return Conflict($"The operation cannot be performed at this time. An update is in progress for resource: {function.Arn}");
            }

            if (RefusedConfiguration(json) is { } refused)
            {
                return refused;
            }

            ApplyConfiguration(function, json);
            function.ConfigurationUpdates++;
            StartUpdate(function);
            return new FakeLambdaResponse(200, Configuration(function));
        }
    }

    private FakeLambdaResponse Delete(string name)
    {
        lock (gate)
        {
            return functions.Remove(name) ? new FakeLambdaResponse(204, null) : NotFound(name);
        }
    }

    private void StartUpdate(FakeLambdaFunction function)
    {
        if (Options.PollsUntilSettled > 0)
        {
            function.LastUpdateStatus = "InProgress";
            function.PollsUntilSettled = Options.PollsUntilSettled;
        }
    }

    private static void ApplyConfiguration(FakeLambdaFunction function, JsonNode json)
    {
        function.Runtime = FakeLambdaJson.String(json, "Runtime") ?? function.Runtime;
        function.Role = FakeLambdaJson.String(json, "Role") ?? function.Role;
        function.Handler = FakeLambdaJson.String(json, "Handler") ?? function.Handler;
        function.Description = FakeLambdaJson.String(json, "Description") ?? function.Description;
        function.Timeout = FakeLambdaJson.Int(json, "Timeout") ?? function.Timeout;
        function.MemorySize = FakeLambdaJson.Int(json, "MemorySize") ?? function.MemorySize;
        if (json["Environment"]?["Variables"] is JsonObject variables)
        {
            function.Environment = variables.ToDictionary(v => v.Key, v => v.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
        }
    }

    private static void SetCode(FakeLambdaFunction function, byte[] zip)
    {
        function.Code = zip;
        function.CodeSha256 = Convert.ToBase64String(SHA256.HashData(zip));
    }

    private static string Configuration(FakeLambdaFunction function)
    {
        var variables = new JsonObject();
        foreach (var (key, value) in function.Environment)
        {
            variables[key] = value;
        }

        return new JsonObject
        {
            ["FunctionName"] = function.Name,
            ["FunctionArn"] = function.Arn,
            ["Runtime"] = function.Runtime,
            ["Role"] = function.Role,
            ["Handler"] = function.Handler,
            ["Description"] = function.Description ?? string.Empty,
            ["Timeout"] = function.Timeout,
            ["MemorySize"] = function.MemorySize,
            ["CodeSha256"] = function.CodeSha256,
            ["CodeSize"] = function.Code?.Count ?? 0,
            ["Environment"] = new JsonObject { ["Variables"] = variables },
            ["Version"] = "$LATEST",
            ["State"] = function.State,
            ["LastUpdateStatus"] = function.LastUpdateStatus,
            ["PackageType"] = "Zip",
        }.ToJsonString();
    }

    // Lambda checks the role's form (and that it can assume it): "not-a-role" is refused as it would be.
    private static FakeLambdaResponse? RefusedConfiguration(JsonNode json) =>
        FakeLambdaJson.String(json, "Role") is { } role && !Regex.IsMatch(role, @"^arn:aws:iam::\d{12}:role/\S+$")
            ? FakeLambdaResponse.ApiError(400, "InvalidParameterValueException", $"The role defined for the function cannot be assumed by Lambda: {role}")
            : null;

    private static FakeLambdaResponse TooLarge(string operation, int size) =>
        FakeLambdaResponse.ApiError(413, "RequestEntityTooLargeException", $"Request must be smaller than the limit for the {operation} operation (the zip is {size} bytes).");

    private FakeLambdaResponse NotFound(string name) =>
        FakeLambdaResponse.ApiError(404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:{Options.Region}:123456789012:function:{name}");

    private static FakeLambdaResponse Conflict(string message) => FakeLambdaResponse.ApiError(409, "ResourceConflictException", message);
}
