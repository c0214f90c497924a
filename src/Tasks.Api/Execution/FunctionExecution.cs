using Tasks.Api.Authentication;
using Tasks.Api.Errors;
using Tasks.Api.Functions;
using Tasks.Api.Inputs;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Execution;

/// <summary>
/// The executeFunction mutation: who may run the function (its execution permission), whether it can run directly
/// (enabled, a time limit of at most 30 s), and then the executor.
/// </summary>
public sealed class FunctionExecution(FunctionCatalog functions, IFunctionExecutor executor)
{
    /// <summary>Checks and runs one direct execution.</summary>
    /// <exception cref="GraphQL.Execution.GraphQLException">The caller may not execute the function (FORBIDDEN or UNAUTHENTICATED).</exception>
    public async Task<ExecuteFunctionPayload> ExecuteAsync(InputObject input, Caller caller, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated)
        {
            throw ApiExceptions.Unauthenticated();
        }

        var name = input.RequiredString("functionName");
        var function = await functions.FindAsync(name, cancellationToken);
        if (function is null)
        {
            // Existence is not hidden from callers who could execute every function; others learn no more than FORBIDDEN.
            return caller.Has(Permissions.ExecuteTaskFunction) || caller.Has(Permissions.ExecuteFunction(name))
                ? ExecuteFunctionPayload.Refused(new NotFound("function", $"No function is named '{name}'.", "functionName"))
                : throw ApiExceptions.ForbiddenAnyOf([Permissions.ExecuteTaskFunction, Permissions.ExecuteFunction(name)], $"Executing '{name}' needs {Permissions.ExecuteTaskFunction} or {Permissions.ExecuteFunction(name)}.");
        }

        Authorize(function, caller);
        if (!function.Enabled)
        {
            return ExecuteFunctionPayload.Refused(new IllegalState("disabled", "execute", $"The function '{name}' is disabled."));
        }

        if (function.TimeLimit > FunctionLimits.MaxDirectExecutionTimeLimit)
        {
            return ExecuteFunctionPayload.Refused(new InputError(
                $"The function '{name}' has a time limit of {function.TimeLimit} s; only functions with at most {FunctionLimits.MaxDirectExecutionTimeLimit} s can be executed directly. Create a task instead.",
                "functionName"));
        }

        if (!TaskData.TryCreate(input.JsonText("data"), out var data, out var dataError))
        {
            return ExecuteFunctionPayload.Refused(MutationError.From(dataError));
        }

        var outcome = await executor.ExecuteAsync(function, data, metadata, cancellationToken);
        return new ExecuteFunctionPayload(
            outcome.TaskId,
            outcome.ResultJson is null ? null : new RawJson(outcome.ResultJson),
            outcome.Error is { } error ? new Tasks.TaskErrorView(error.Type, error.Name, error.Message) : null,
            outcome.Problem is null ? [] : [outcome.Problem]);
    }

    private static void Authorize(FunctionView function, Caller caller)
    {
        var mode = ExecutionPermissions.FromWireName(function.ExecutionPermission);
        var allowed = mode switch
        {
            ExecutionPermission.Public => true,
            ExecutionPermission.AllUsers => caller.UserId is not null,
            _ => caller.Has(Permissions.ExecuteTaskFunction) || caller.Has(Permissions.ExecuteFunction(function.Name)),
        };
        if (!allowed)
        {
            throw mode == ExecutionPermission.AllUsers
                ? ApiExceptions.ForbiddenForApplications(function.Name)
                : ApiExceptions.ForbiddenAnyOf([Permissions.ExecuteTaskFunction, Permissions.ExecuteFunction(function.Name)], $"Executing '{function.Name}' needs {Permissions.ExecuteTaskFunction} or {Permissions.ExecuteFunction(function.Name)}.");
        }
    }
}

/// <summary>The payload of executeFunction.</summary>
/// <param name="TaskId">The background task.</param>
/// <param name="Result">The function's result.</param>
/// <param name="Error">The function's error.</param>
/// <param name="Errors">Why it was refused or could not finish; empty otherwise.</param>
public sealed record ExecuteFunctionPayload(Guid? TaskId, RawJson? Result, Tasks.TaskErrorView? Error, IReadOnlyList<MutationError> Errors)
{
    /// <summary>A refusal.</summary>
    public static ExecuteFunctionPayload Refused(MutationError error) => new(null, null, null, [error]);
}
