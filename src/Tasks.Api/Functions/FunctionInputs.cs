using Tasks.Api.Errors;
using Tasks.Api.Inputs;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;
using Tasks.Projections.Code;

namespace Tasks.Api.Functions;

/// <summary>Reads the parts of function inputs that need more than a type check: code, environment, retry policy.</summary>
public static class FunctionInputs
{
    /// <summary>The decoded code package of field <c>code</c>, or an error naming it.</summary>
    public static (byte[]? Package, MutationError? Error) Code(InputObject input)
    {
        if (input.OptionalString("code") is not { } base64)
        {
            return (null, null);
        }

        // Checked before decoding, so an oversized upload costs no allocation of its decoded size.
        if ((long)base64.Length * 3 / 4 > FunctionCodeStore.MaxPackageBytes + 3)
        {
            return (null, new InputError($"The code package is larger than {FunctionCodeStore.MaxPackageBytes / (1024 * 1024)} MB.", "code"));
        }

        try
        {
            var package = Convert.FromBase64String(base64);
            if (package.Length == 0)
            {
                return (null, new InputError("The code package is empty.", "code"));
            }

            return package.Length > FunctionCodeStore.MaxPackageBytes
                ? (null, new InputError($"The code package is larger than {FunctionCodeStore.MaxPackageBytes / (1024 * 1024)} MB.", "code"))
                : (package, null);
        }
        catch (FormatException)
        {
            return (null, new InputError("The code package must be base64 (a zip file's bytes).", "code"));
        }
    }

    /// <summary>The environment of field <c>environment</c>, or an error naming the duplicated variable.</summary>
    public static (EquatableDictionary<string, string>? Environment, MutationError? Error) Environment(InputObject input)
    {
        if (input.Objects("environment") is not { } variables)
        {
            return (null, null);
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var name = variable.RequiredString("name");
            if (!entries.TryAdd(name, variable.RequiredString("value")))
            {
                return (null, new InputError($"The environment variable '{name}' is given twice.", "environment"));
            }
        }

        return (new EquatableDictionary<string, string>(entries), null);
    }

    /// <summary>The retry policy of field <c>retryPolicy</c>, when given.</summary>
    public static RetryPolicy? RetryPolicy(InputObject input) =>
        input.Nested("retryPolicy") is { } policy
            ? new RetryPolicy(policy.Bool("enabled") ?? false, new EquatableList<string>(policy.Strings("errorsToRetry") ?? []))
            : null;

    /// <summary>The execution permission of field <c>executionPermission</c> (bound to its wire name), when given.</summary>
    public static ExecutionPermission? ExecutionPermission(InputObject input) =>
        input.OptionalString("executionPermission") is { } wireName ? ExecutionPermissions.FromWireName(wireName) : null;
}
