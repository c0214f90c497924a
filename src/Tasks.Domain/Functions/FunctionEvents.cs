using Tasks.Domain.Identity;

namespace Tasks.Domain.Functions;

/// <summary>An event of a function's stream.</summary>
public interface IFunctionEvent
{
    /// <summary>Who caused it.</summary>
    Actor By { get; }

    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}

/// <summary>A function was registered (possibly again, after it was deleted).</summary>
/// <param name="Definition">The function.</param>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record FunctionRegistered(FunctionDefinition Definition, Actor By, DateTimeOffset At) : IFunctionEvent;

/// <summary>A function's settings changed; carries the whole new definition.</summary>
/// <param name="Definition">The function after the update.</param>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record FunctionUpdated(FunctionDefinition Definition, Actor By, DateTimeOffset At) : IFunctionEvent;

/// <summary>A function was enabled.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record FunctionEnabled(Actor By, DateTimeOffset At) : IFunctionEvent;

/// <summary>A function was disabled.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record FunctionDisabled(Actor By, DateTimeOffset At) : IFunctionEvent;

/// <summary>A function was deleted.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record FunctionDeleted(Actor By, DateTimeOffset At) : IFunctionEvent;
