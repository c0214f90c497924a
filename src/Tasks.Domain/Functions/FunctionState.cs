namespace Tasks.Domain.Functions;

/// <summary>
/// A function as its events left it (a name never registered has no state: <c>null</c>). A deleted
/// function keeps its last definition until its name is registered again.
/// </summary>
public sealed record FunctionState
{
    /// <summary>The current (or, once deleted, last) definition.</summary>
    public required FunctionDefinition Definition { get; init; }

    /// <summary>Whether it was deleted.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>When it was (last) registered.</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>The registering user, if any.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>The registering application, if any.</summary>
    public string? CreatedByApplicationId { get; init; }

    /// <summary>The user of the last change, if any.</summary>
    public string? UpdatedByUserId { get; init; }

    /// <summary>The application of the last change, if any.</summary>
    public string? UpdatedByApplicationId { get; init; }

    /// <summary>When it was deleted, if it was.</summary>
    public DateTimeOffset? DeletedTimestamp { get; init; }

    /// <summary>The function's name.</summary>
    public string Name => Definition.Name;

    /// <summary>Whether its tasks run (false once deleted).</summary>
    public bool Enabled => !IsDeleted && Definition.Enabled;
}
