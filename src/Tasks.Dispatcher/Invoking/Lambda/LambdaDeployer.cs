using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Runtime;
using Tasks.Domain.Functions;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>What <see cref="LambdaDeployer.DeployAsync"/> did.</summary>
public enum LambdaDeploymentAction
{
    /// <summary>The function did not exist: CreateFunction.</summary>
    Created,

    /// <summary>The function existed with other code: UpdateFunctionCode, then UpdateFunctionConfiguration if it differed too.</summary>
    Updated,

    /// <summary>The function existed with this code but another configuration: UpdateFunctionConfiguration only.</summary>
    ConfigurationUpdated,

    /// <summary>The function existed exactly as asked (a deployment run again): nothing was written.</summary>
    Unchanged,
}

/// <summary>The result of a deployment.</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="FunctionArn">Its ARN, as Lambda reported it.</param>
/// <param name="Action">Whether it was created or updated.</param>
/// <param name="CodeSha256">The base64 SHA-256 of the deployed zip, as Lambda reported it.</param>
public sealed record LambdaDeployment(string FunctionName, string? FunctionArn, LambdaDeploymentAction Action, string? CodeSha256);

/// <summary>
/// Deploys functions registered or updated with code to AWS Lambda through its REST API, signed with SigV4:
/// GetFunction, then CreateFunction, or UpdateFunctionCode followed by UpdateFunctionConfiguration; DeleteFunction.
/// Each step waits until Lambda reports the function settled (state not <c>Pending</c>, last update not <c>InProgress</c>),
/// since Lambda refuses a configuration update while a code update is in progress. An existing function's code is
/// updated only when its <c>CodeSha256</c> differs, and its configuration only when it differs, so that deploying the
/// same definition again (a replay after a crash) writes nothing. Failures raise <see cref="LambdaDeploymentException"/>.
/// </summary>
public sealed class LambdaDeployer
{
    private readonly LambdaApiClient api;
    private readonly LambdaDeployerOptions options;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a deployer.</summary>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="connection">Region, endpoint and credentials (as for the invoker).</param>
    /// <param name="options">The execution role and polling settings.</param>
    /// <param name="timeProvider">The clock (the system clock by default).</param>
    /// <exception cref="ArgumentException">No execution role is configured.</exception>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public LambdaDeployer(HttpClient httpClient, LambdaInvokerOptions connection, LambdaDeployerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ExecutionRoleArn, nameof(options));
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        api = new LambdaApiClient(httpClient, connection, this.timeProvider);
    }

    /// <summary>Creates the function, or updates its code and configuration, and waits until Lambda has settled it.</summary>
    /// <param name="function">The definition: name, runtime, entry point (handler), time and memory limits, environment, description.</param>
    /// <param name="zip">The code zip.</param>
    /// <param name="cancellationToken">Abandons the deployment.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="LambdaDeploymentException">A step failed.</exception>
    public async Task<LambdaDeployment> DeployAsync(FunctionDefinition function, byte[] zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(zip);
        var name = function.Name;
        var path = LambdaApiClient.FunctionPath(name);

        var existing = await GetConfigurationAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            using var created = await SendAsync("CreateFunction", name, ct => api.SendJsonAsync(
                HttpMethod.Post,
                LambdaApiClient.ApiVersionPath,
                writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("FunctionName", name);
                    WriteConfiguration(writer, function);
                    writer.WriteStartObject("Code");
                    writer.WriteBase64String("ZipFile", zip);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                },
                ct), cancellationToken).ConfigureAwait(false);
            if (created.StatusCode != HttpStatusCode.Conflict)
            {
                await EnsureSuccessAsync("CreateFunction", name, created, cancellationToken).ConfigureAwait(false);
                var configuration = await WaitUntilSettledAsync("CreateFunction", name, failOnFailed: true, cancellationToken).ConfigureAwait(false);
                return new LambdaDeployment(name, LambdaJson.GetString(configuration, "FunctionArn"), LambdaDeploymentAction.Created, LambdaJson.GetString(configuration, "CodeSha256"));
            }

            // Created meanwhile by someone else: update it instead.
        }

        // A previous update that failed leaves the function usable but its settings unknown: write both again then.
        var current = await WaitUntilSettledAsync("UpdateFunctionCode", name, failOnFailed: false, cancellationToken).ConfigureAwait(false);
        var failedBefore = LambdaJson.GetString(current, "State") == "Failed" || LambdaJson.GetString(current, "LastUpdateStatus") == "Failed";
        var codeChanged = failedBefore || LambdaJson.GetString(current, "CodeSha256") != Convert.ToBase64String(SHA256.HashData(zip));
        if (codeChanged)
        {
            await PutUntilAcceptedAsync(
                "UpdateFunctionCode",
                name,
                path + "/code",
                writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteBase64String("ZipFile", zip);
                    writer.WriteEndObject();
                },
                cancellationToken).ConfigureAwait(false);
            current = await WaitUntilSettledAsync("UpdateFunctionCode", name, failOnFailed: true, cancellationToken).ConfigureAwait(false);
        }

        var configurationChanged = failedBefore || !ConfigurationMatches(current, function);
        if (configurationChanged)
        {
            await PutUntilAcceptedAsync(
                "UpdateFunctionConfiguration",
                name,
                path + "/configuration",
                writer =>
                {
                    writer.WriteStartObject();
                    WriteConfiguration(writer, function);
                    writer.WriteEndObject();
                },
                cancellationToken).ConfigureAwait(false);
            current = await WaitUntilSettledAsync("UpdateFunctionConfiguration", name, failOnFailed: true, cancellationToken).ConfigureAwait(false);
        }

        var action = codeChanged ? LambdaDeploymentAction.Updated
            : configurationChanged ? LambdaDeploymentAction.ConfigurationUpdated
            : LambdaDeploymentAction.Unchanged;
        return new LambdaDeployment(name, LambdaJson.GetString(current, "FunctionArn"), action, LambdaJson.GetString(current, "CodeSha256"));
    }

    /// <summary>
    /// A fingerprint of the configuration <see cref="DeployAsync"/> gives <paramref name="function"/> (runtime, execution
    /// role, handler, description, limits, environment): equal fingerprints need no configuration update.
    /// </summary>
    /// <param name="function">The definition.</param>
    /// <returns>The SHA-256 of the configuration document, as 64 hexadecimal digits.</returns>
    public string ConfigurationSha256(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteConfiguration(writer, function);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Deletes the function (DeleteFunction).</summary>
    /// <param name="functionName">The function.</param>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns><c>true</c> when it was deleted, <c>false</c> when Lambda knew no such function.</returns>
    /// <exception cref="LambdaDeploymentException">Lambda refused or could not be reached.</exception>
    public async Task<bool> DeleteAsync(string functionName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        using var response = await SendUntilSettledAsync("DeleteFunction", functionName, ct => api.SendAsync(
            HttpMethod.Delete, LambdaApiClient.FunctionPath(functionName), null, null, ct), allowNotFound: true, cancellationToken).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private void WriteConfiguration(Utf8JsonWriter writer, FunctionDefinition function)
    {
        writer.WriteString("Runtime", function.Runtime);
        writer.WriteString("Role", options.ExecutionRoleArn);
        writer.WriteString("Handler", function.EntryPoint);
        writer.WriteString("Description", function.Description ?? string.Empty);
        writer.WriteNumber("Timeout", function.TimeLimit);
        writer.WriteNumber("MemorySize", function.MemoryLimit);
        writer.WriteStartObject("Environment");
        writer.WriteStartObject("Variables");
        foreach (var (key, value) in function.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private async Task PutUntilAcceptedAsync(string operation, string name, string path, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var response = await SendUntilSettledAsync(
            operation,
            name,
            ct => api.SendJsonAsync(HttpMethod.Put, path, write, ct),
            allowNotFound: false,
            cancellationToken).ConfigureAwait(false);
    }

    // GetFunction: the function's configuration, or null when Lambda knows no such function.
    private async Task<JsonElement?> GetConfigurationAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("GetFunction", name, ct => api.SendAsync(
            HttpMethod.Get, LambdaApiClient.FunctionPath(name), null, null, ct), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync("GetFunction", name, response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return LambdaJson.TryParseObject(body) is { } root && root.TryGetProperty("Configuration", out var configuration)
            ? configuration.Clone()
            : throw new LambdaDeploymentException("GetFunction", name, (int)response.StatusCode, LambdaDeploymentException.DeploymentFailedType, "Lambda answered GetFunction without a configuration.");
    }

    // Whether Lambda's configuration already is what WriteConfiguration would send.
    private bool ConfigurationMatches(JsonElement configuration, FunctionDefinition function)
    {
        if (LambdaJson.GetString(configuration, "Runtime") != function.Runtime
            || LambdaJson.GetString(configuration, "Role") != options.ExecutionRoleArn
            || LambdaJson.GetString(configuration, "Handler") != function.EntryPoint
            || (LambdaJson.GetString(configuration, "Description") ?? string.Empty) != (function.Description ?? string.Empty)
            || LambdaJson.GetInt(configuration, "Timeout") != function.TimeLimit
            || LambdaJson.GetInt(configuration, "MemorySize") != function.MemoryLimit)
        {
            return false;
        }

        var deployed = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (configuration.TryGetProperty("Environment", out var environment)
            && environment.ValueKind == JsonValueKind.Object
            && environment.TryGetProperty("Variables", out var variables)
            && variables.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in variables.EnumerateObject())
            {
                deployed[variable.Name] = variable.Value.ValueKind == JsonValueKind.String ? variable.Value.GetString() : null;
            }
        }

        return deployed.Count == function.Environment.Count
            && function.Environment.All(e => deployed.TryGetValue(e.Key, out var value) && value == e.Value);
    }

    // Sends, retrying while Lambda answers 409 ResourceConflictException (an update in progress), up to the settle timeout.
    private async Task<HttpResponseMessage> SendUntilSettledAsync(
        string operation,
        string name,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        bool allowNotFound,
        CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + options.SettleTimeout;
        while (true)
        {
            var response = await SendAsync(operation, name, send, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && timeProvider.GetUtcNow() < deadline)
            {
                response.Dispose();
                await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return response;
            }

            try
            {
                await EnsureSuccessAsync(operation, name, response, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
    }

    // Polls GetFunctionConfiguration until the function is neither Pending nor InProgress; fails on Failed when asked
    // (after our own step), and otherwise returns it (before an update: a failed earlier update is what we come to repair).
    private async Task<JsonElement> WaitUntilSettledAsync(string operation, string name, bool failOnFailed, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + options.SettleTimeout;
        while (true)
        {
            using var response = await SendAsync(operation, name, ct => api.SendAsync(
                HttpMethod.Get, LambdaApiClient.FunctionPath(name) + "/configuration", null, null, ct), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(operation, name, response, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var configuration = LambdaJson.TryParseObject(body)
                ?? throw new LambdaDeploymentException(operation, name, (int)response.StatusCode, LambdaDeploymentException.DeploymentFailedType, "Lambda answered GetFunctionConfiguration with no JSON object.");
            var state = LambdaJson.GetString(configuration, "State");
            var lastUpdate = LambdaJson.GetString(configuration, "LastUpdateStatus");
            if (failOnFailed && (state == "Failed" || lastUpdate == "Failed"))
            {
                var reason = LambdaJson.GetString(configuration, "LastUpdateStatusReason") ?? LambdaJson.GetString(configuration, "StateReason") ?? "no reason given";
                throw new LambdaDeploymentException(operation, name, (int)response.StatusCode, LambdaDeploymentException.DeploymentFailedType, $"Lambda reports the function failed (state {state}, last update {lastUpdate}): {reason}");
            }

            if (state != "Pending" && lastUpdate != "InProgress")
            {
                return configuration;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                throw new LambdaDeploymentException(operation, name, (int)response.StatusCode, LambdaDeploymentException.SettleTimeoutType, $"The function did not settle within {options.SettleTimeout} (state {state}, last update {lastUpdate}).");
            }

            await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(
        string operation,
        string name,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new LambdaDeploymentException(operation, name, null, LambdaDeploymentException.NetworkErrorType, ex.Message, ex);
        }
        catch (AmazonClientException ex)
        {
            throw new LambdaDeploymentException(operation, name, null, LambdaDeploymentException.CredentialsUnavailableType, ex.Message, ex);
        }
    }

    private static async Task EnsureSuccessAsync(string operation, string name, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = LambdaServiceError.Parse(response, body);
        throw new LambdaDeploymentException(operation, name, (int)response.StatusCode, error.TypeOrStatus, error.Message);
    }
}
