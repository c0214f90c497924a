using System.Text;
using Tasks.Domain.Deciding;

namespace Tasks.Domain.Functions;

/// <summary>
/// The validation rules of a function's settings. Each failure is a <see cref="ValidationError"/>
/// naming the field by its wire name.
/// </summary>
public static class FunctionRules
{
    /// <summary>Checks a whole definition, field by field.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The first broken rule, or <c>null</c> when valid.</returns>
    public static ValidationError? Validate(FunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return FunctionName.Validate(definition.Name)
            ?? ValidateCode(definition.Code)
            ?? ValidateEntryPoint(definition.EntryPoint)
            ?? ValidateRuntime(definition.Runtime)
            ?? ValidateTimeLimit(definition.TimeLimit)
            ?? ValidateMemoryLimit(definition.MemoryLimit)
            ?? ValidateEnvironment(definition.Environment)
            ?? ValidateExecutionPermission(definition.ExecutionPermission)
            ?? ValidateRetryPolicy(definition.RetryPolicy);
    }

    /// <summary>Checks a code reference: 64 hexadecimal digits of SHA-256 and a positive size; <c>null</c> (no code yet) is valid.</summary>
    /// <param name="code">The code reference.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateCode(CodeReference? code)
    {
        if (code is null)
        {
            return null;
        }

        if (code.Sha256Hex is not { Length: 64 } hex || !hex.All(char.IsAsciiHexDigit))
        {
            return new ValidationError("code", "The code's SHA-256 must be 64 hexadecimal digits.");
        }

        return code.SizeBytes <= 0 ? new ValidationError("code", "The code zip must not be empty.") : null;
    }

    /// <summary>Checks an entry point: required, at most <see cref="FunctionLimits.MaxEntryPointLength"/> characters.</summary>
    /// <param name="entryPoint">The entry point.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateEntryPoint(string? entryPoint)
    {
        if (string.IsNullOrWhiteSpace(entryPoint))
        {
            return new ValidationError("entryPoint", "An entry point is required.");
        }

        return entryPoint.Length > FunctionLimits.MaxEntryPointLength
            ? new ValidationError("entryPoint", $"An entry point is at most {FunctionLimits.MaxEntryPointLength} characters.")
            : null;
    }

    /// <summary>Checks a runtime id against <see cref="FunctionRuntimes"/>.</summary>
    /// <param name="runtime">The runtime id.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateRuntime(string? runtime) =>
        FunctionRuntimes.IsSupported(runtime)
            ? null
            : new ValidationError("runtime", $"'{runtime}' is not a supported runtime; use one of {string.Join(", ", FunctionRuntimes.All.Order(StringComparer.Ordinal))}.");

    /// <summary>Checks a time limit: <see cref="FunctionLimits.MinTimeLimit"/> to <see cref="FunctionLimits.MaxTimeLimit"/> seconds.</summary>
    /// <param name="seconds">The time limit.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateTimeLimit(int seconds) =>
        seconds is < FunctionLimits.MinTimeLimit or > FunctionLimits.MaxTimeLimit
            ? new ValidationError("timeLimit", $"The time limit must be {FunctionLimits.MinTimeLimit} to {FunctionLimits.MaxTimeLimit} seconds; got {seconds}.")
            : null;

    /// <summary>Checks a memory limit: <see cref="FunctionLimits.MinMemoryLimit"/> to <see cref="FunctionLimits.MaxMemoryLimit"/> MB.</summary>
    /// <param name="megabytes">The memory limit.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateMemoryLimit(int megabytes) =>
        megabytes is < FunctionLimits.MinMemoryLimit or > FunctionLimits.MaxMemoryLimit
            ? new ValidationError("memoryLimit", $"The memory limit must be {FunctionLimits.MinMemoryLimit} to {FunctionLimits.MaxMemoryLimit} MB; got {megabytes}.")
            : null;

    /// <summary>
    /// Checks environment variables: names match <c>^[A-Za-z][A-Za-z0-9_]*$</c>, values are present,
    /// and all names and values together are at most <see cref="FunctionLimits.MaxEnvironmentBytes"/> bytes of UTF-8.
    /// </summary>
    /// <param name="environment">The variables.</param>
    /// <returns>The broken rule, or <c>null</c>. Messages name keys, never values (they are secrets).</returns>
    public static ValidationError? ValidateEnvironment(IReadOnlyDictionary<string, string>? environment)
    {
        if (environment is null)
        {
            return new ValidationError("environment", "The environment must be an object (possibly empty).");
        }

        var bytes = 0;
        foreach (var (key, value) in environment)
        {
            if (!IsEnvironmentKey(key))
            {
                return new ValidationError("environment", $"'{key}' is not a valid variable name: use a letter, then letters, digits or '_'.");
            }

            if (value is null)
            {
                return new ValidationError("environment", $"Variable '{key}' has no value.");
            }

            bytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        return bytes > FunctionLimits.MaxEnvironmentBytes
            ? new ValidationError("environment", $"The environment is {bytes} bytes; at most {FunctionLimits.MaxEnvironmentBytes} are allowed.")
            : null;
    }

    /// <summary>Checks that an execution permission is one of the defined modes.</summary>
    /// <param name="permission">The mode.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateExecutionPermission(ExecutionPermission permission) =>
        Enum.IsDefined(permission) ? null : new ValidationError("executionPermission", $"{permission} is not an execution permission.");

    /// <summary>Checks a retry policy: present, and each listed error type non-blank.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The broken rule, or <c>null</c>.</returns>
    public static ValidationError? ValidateRetryPolicy(RetryPolicy? policy)
    {
        if (policy is null)
        {
            return new ValidationError("retryPolicy", "A retry policy is required.");
        }

        return policy.ErrorsToRetry is null || policy.ErrorsToRetry.Any(string.IsNullOrWhiteSpace)
            ? new ValidationError("retryPolicy", "Error types to retry must not be empty.")
            : null;
    }

    private static bool IsEnvironmentKey(string key) =>
        key is { Length: > 0 } && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
