using Tasks.Api.Errors;

namespace Tasks.Api.Functions;

/// <summary>The payload of every function mutation.</summary>
/// <param name="Function">The function, when the mutation succeeded (as it was when deleted, for a delete).</param>
/// <param name="Errors">Why it was refused; empty on success.</param>
public sealed record FunctionPayload(FunctionView? Function, IReadOnlyList<MutationError> Errors)
{
    /// <summary>A refusal.</summary>
    public static FunctionPayload Refused(MutationError error) => new(null, [error]);
}
