using Tasks.Domain.Deciding;
using Tasks.Domain.Identity;

namespace Tasks.Domain.Functions;

/// <summary>
/// The function aggregate: registered (enabled or disabled), updated, deleted; a deleted name may be
/// registered again. The initial state is <c>null</c>. Commands other than registration on a missing
/// or deleted function are not-found errors, as the function is gone for its callers.
/// </summary>
public sealed class FunctionDecider : IDecider<IFunctionCommand, IFunctionEvent, FunctionState?>
{
    private const string Entity = "function";

    /// <summary>The decider (it holds no state).</summary>
    public static FunctionDecider Instance { get; } = new();

    /// <inheritdoc />
    public FunctionState? Initial => null;

    /// <summary>Never: a deleted function's name can be registered again on the same stream.</summary>
    /// <param name="state">The state.</param>
    /// <returns><c>false</c>.</returns>
    public bool IsTerminal(FunctionState? state) => false;

    /// <inheritdoc />
    public Decision<IFunctionEvent> Decide(IFunctionCommand command, FunctionState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is RegisterFunction register)
        {
            return Register(register, state);
        }

        if (state is null || state.IsDeleted)
        {
            return new NotFoundError(Entity, "The function does not exist.");
        }

        return command switch
        {
            UpdateFunction update => Update(update, state),
            EnableFunction enable => state.Definition.Enabled
                ? Decision.Accept<IFunctionEvent>()
                : Decision.Accept<IFunctionEvent>(new FunctionEnabled(By(enable), enable.At)),
            DisableFunction disable => state.Definition.Enabled
                ? Decision.Accept<IFunctionEvent>(new FunctionDisabled(By(disable), disable.At))
                : Decision.Accept<IFunctionEvent>(),
            DeleteFunction delete => Decision.Accept<IFunctionEvent>(new FunctionDeleted(By(delete), delete.At)),
            _ => throw new ArgumentException($"Unknown function command {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public FunctionState? Evolve(FunctionState? state, IFunctionEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is FunctionRegistered registered)
        {
            return state is null || state.IsDeleted
                ? Registered(registered)
                : throw new InvalidOperationException($"Function {state.Name} is registered twice.");
        }

        if (state is null)
        {
            throw new InvalidOperationException($"{@event.GetType().Name} for a function that was never registered.");
        }

        var changed = state with
        {
            UpdateTimestamp = @event.At,
            UpdatedByUserId = @event.By?.UserId,
            UpdatedByApplicationId = @event.By?.ApplicationId,
        };
        return @event switch
        {
            FunctionUpdated updated => changed with { Definition = updated.Definition },
            FunctionEnabled => changed with { Definition = state.Definition with { Enabled = true } },
            FunctionDisabled => changed with { Definition = state.Definition with { Enabled = false } },
            FunctionDeleted deleted => changed with { IsDeleted = true, DeletedTimestamp = deleted.At },
            _ => throw new ArgumentException($"Unknown function event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    private static Decision<IFunctionEvent> Register(RegisterFunction c, FunctionState? state)
    {
        if (state is { IsDeleted: false })
        {
            return new AlreadyExistsError(Entity, $"A function named '{state.Name}' exists already.", "name");
        }

        if (c.Definition is null)
        {
            return new ValidationError("definition", "A function definition is required.");
        }

        var error = FunctionRules.Validate(c.Definition);
        return error ?? Decision.Accept<IFunctionEvent>(new FunctionRegistered(c.Definition, By(c), c.At));
    }

    private static Decision<IFunctionEvent> Update(UpdateFunction c, FunctionState state)
    {
        if (c.Patch is null)
        {
            return new ValidationError("patch", "An update needs the fields to change.");
        }

        // Absent fields keep their (valid) values, so validating the result validates exactly the present ones.
        var updated = c.Patch.ApplyTo(state.Definition);
        var error = FunctionRules.Validate(updated);
        if (error is not null)
        {
            return error;
        }

        // Syncing an unchanged task-config.json must not grow the log.
        return updated == state.Definition
            ? Decision.Accept<IFunctionEvent>()
            : Decision.Accept<IFunctionEvent>(new FunctionUpdated(updated, By(c), c.At));
    }

    private static FunctionState Registered(FunctionRegistered e) =>
        new()
        {
            Definition = e.Definition,
            CreationTimestamp = e.At,
            UpdateTimestamp = e.At,
            CreatedByUserId = e.By?.UserId,
            CreatedByApplicationId = e.By?.ApplicationId,
            UpdatedByUserId = e.By?.UserId,
            UpdatedByApplicationId = e.By?.ApplicationId,
        };

    private static Actor By(IFunctionCommand c) => c.By ?? Actor.System;
}
