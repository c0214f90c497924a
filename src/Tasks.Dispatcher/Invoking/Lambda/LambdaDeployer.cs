using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Tasks.Domain.Functions;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>What <see cref="LambdaDeployer.DeployAsync"/> did.</summary>
public enum LambdaDeploymentAction
{
    /// <summary>The function did not exist: CreateFunction.</summary>
    Created,

    /// <summary>The function existed: UpdateFunctionCode, then UpdateFunctionConfiguration.</summary>
    Updated,
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
/// since Lambda refuses a configuration update while a code update is in progress. Failures raise
/// <see cref="LambdaDeploymentException"/>.
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

        var exists = await ExistsAsync(name, cancellationToken).ConfigureAwait(false);
        if (!exists)
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
                var configuration = await WaitUntilSettledAsync("CreateFunction", name, cancellationToken).ConfigureAwait(false);
                return new LambdaDeployment(name, LambdaJson.GetString(configuration, "FunctionArn"), LambdaDeploymentAction.Created, LambdaJson.GetString(configuration, "CodeSha256"));
            }

            // Created meanwhile by someone else: update it instead.
        }

        await WaitUntilSettledAsync("UpdateFunctionCode", name, cancellationToken).ConfigureAwait(false);
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
        await WaitUntilSettledAsync("UpdateFunctionCode", name, cancellationToken).ConfigureAwait(false);
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
        var settled = await WaitUntilSettledAsync("UpdateFunctionConfiguration", name, cancellationToken).ConfigureAwait(false);
        return new LambdaDeployment(name, LambdaJson.GetString(settled, "FunctionArn"), LambdaDeploymentAction.Updated, LambdaJson.GetString(settled, "CodeSha256"));
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

    private async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("GetFunction", name, ct => api.SendAsync(
            HttpMethod.Get, LambdaApiClient.FunctionPath(name), null, null, ct), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync("GetFunction", name, response, cancellationToken).ConfigureAwait(false);
        return true;
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

    // Polls GetFunctionConfiguration until the function is neither Pending nor InProgress; fails on Failed.
    private async Task<JsonElement> WaitUntilSettledAsync(string operation, string name, CancellationToken cancellationToken)
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
            if (state == "Failed" || lastUpdate == "Failed")
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
