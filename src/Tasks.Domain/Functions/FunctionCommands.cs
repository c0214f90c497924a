using Tasks.Domain.Identity;

namespace Tasks.Domain.Functions;

/// <summary>A command to a function (the stream <see cref="FunctionStreamId.For(string)"/> of its name).</summary>
public interface IFunctionCommand
{
    /// <summary>Who issues it.</summary>
    Actor By { get; }

    /// <summary>When it is issued.</summary>
    DateTimeOffset At { get; }
}

/// <summary>Registers a function; its name must be free (a deleted function's name is free again).</summary>
/// <param name="Definition">The function.</param>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record RegisterFunction(FunctionDefinition Definition, Actor By, DateTimeOffset At) : IFunctionCommand;

/// <summary>Changes some of a function's settings; an update that changes nothing records nothing.</summary>
/// <param name="Patch">The fields to change.</param>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record UpdateFunction(FunctionPatch Patch, Actor By, DateTimeOffset At) : IFunctionCommand;

/// <summary>Enables a function (its tasks run); nothing happens when it is enabled already.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record EnableFunction(Actor By, DateTimeOffset At) : IFunctionCommand;

/// <summary>Disables a function (its tasks wait); nothing happens when it is disabled already.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record DisableFunction(Actor By, DateTimeOffset At) : IFunctionCommand;

/// <summary>Deletes a function; its tasks and their history stay.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record DeleteFunction(Actor By, DateTimeOffset At) : IFunctionCommand;
