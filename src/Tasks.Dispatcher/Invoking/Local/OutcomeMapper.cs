using System.Globalization;
using System.Text.Json;
using Tasks.Domain.Tasks;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// Turns how a child process ended into an <see cref="InvocationOutcome"/>: the bootstrap's outcome line when it wrote
/// one (<c>{"result": …}</c> or <c>{"error": {"type", "name", "message"}}</c>), else the time limit, running out of
/// memory, or the runtime's exit.
/// </summary>
internal static class OutcomeMapper
{
    private const int MaxTypeLength = 256;
    private const int MaxMessageLength = 16 * 1024;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 512 };

    public static InvocationOutcome Map(ChildProcessResult run, LocalRuntime runtime, int memoryLimitMb, TimeSpan timeout, IReadOnlyList<InvocationLogLine> logs)
    {
        if (run.Outcome is { } outcome)
        {
            return run.OutcomeTruncated
                ? Failed(LocalInvocationErrors.InvalidResult, "InvalidResult", $"The result is larger than {ChildProcessRunner.MaxOutcomeChars} characters of JSON.", logs)
                : Parse(outcome, logs);
        }

        if (run.TimedOut)
        {
            return Failed(LocalInvocationErrors.Timeout, "Timeout", string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeout.TotalSeconds:0.00} seconds."), logs);
        }

        if (run.SeenMarkers.Count > 0)
        {
            return Failed(LocalInvocationErrors.OutOfMemory, "OutOfMemory", $"The function ran out of memory (its limit is {memoryLimitMb} MB).", logs);
        }

        return Failed(LocalInvocationErrors.RuntimeExited, "RuntimeExited", ExitMessage(runtime, run), logs);
    }

    public static InvocationFailed Failed(string type, string name, string message, IReadOnlyList<InvocationLogLine> logs) =>
        new(new TaskError(type, name, message), logs);

    private static InvocationOutcome Parse(string outcome, IReadOnlyList<InvocationLogLine> logs)
    {
        try
        {
            using var document = JsonDocument.Parse(outcome, ReadOptions);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result))
            {
                return new InvocationSucceeded(result.ValueKind == JsonValueKind.Null ? null : result.GetRawText(), logs);
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var name = Text(error, "name", MaxTypeLength) ?? "Error";
                var type = Text(error, "type", MaxTypeLength) ?? name;
                return Failed(type, name, Text(error, "message", MaxMessageLength) ?? string.Empty, logs);
            }
        }
        catch (JsonException e)
        {
            return Failed(LocalInvocationErrors.InvalidResult, "InvalidResult", $"The result is not valid JSON: {e.Message}", logs);
        }

        return Failed(LocalInvocationErrors.InvalidResult, "InvalidResult", "The runtime reported an outcome that is neither a result nor an error.", logs);
    }

    /// <summary>The string <paramref name="property"/> of <paramref name="error"/>, cut to <paramref name="maxLength"/>; null when absent or empty.</summary>
    private static string? Text(JsonElement error, string property, int maxLength)
    {
        if (!error.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        return text.Length > maxLength ? text[..maxLength] + "…" : text;
    }

    private static string ExitMessage(LocalRuntime runtime, ChildProcessResult run)
    {
        var code = run.ExitCode ?? -1;
        var how = code > 128 && code <= 128 + 64 && !OperatingSystem.IsWindows()
            ? string.Create(CultureInfo.InvariantCulture, $"was terminated by signal {code - 128}")
            : string.Create(CultureInfo.InvariantCulture, $"exited with code {code}");
        var message = $"The {runtime.ExecutableName} runtime {how} before the function returned.";
        if (run.LastStderrLine is { } last)
        {
            message += " Last error output: " + (last.Length > 1024 ? last[..1024] + "…" : last);
        }

        return message;
    }
}
