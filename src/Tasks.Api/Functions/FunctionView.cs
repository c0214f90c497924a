namespace Tasks.Api.Functions;

/// <summary>A function as the API shows it. Environment values never reach this type; only names are read, on demand.</summary>
public sealed record FunctionView
{
    /// <summary>The unique name.</summary>
    public required string Name { get; init; }

    /// <summary>The function's stream id.</summary>
    public required Guid StreamId { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>The code package, when one was uploaded.</summary>
    public FunctionCodeView? Code { get; init; }

    /// <summary>The handler.</summary>
    public required string EntryPoint { get; init; }

    /// <summary>The runtime id.</summary>
    public required string Runtime { get; init; }

    /// <summary>Seconds.</summary>
    public required int TimeLimit { get; init; }

    /// <summary>Megabytes.</summary>
    public required int MemoryLimit { get; init; }

    /// <summary>The wire name (permissionRequired, allUsers, public); the schema binds it to the enum.</summary>
    public required string ExecutionPermission { get; init; }

    /// <summary>The priority of tasks created without one.</summary>
    public int? DefaultPriority { get; init; }

    /// <summary>The retry policy.</summary>
    public required RetryPolicyView RetryPolicy { get; init; }

    /// <summary>Whether the function runs.</summary>
    public required bool Enabled { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>How many events the stream holds.</summary>
    public required int Version { get; init; }
}

/// <summary>A code package.</summary>
/// <param name="Sha256">The zip's SHA-256 in hex.</param>
/// <param name="SizeBytes">The zip's size.</param>
public sealed record FunctionCodeView(string Sha256, long SizeBytes);

/// <summary>A retry policy.</summary>
/// <param name="Enabled">Whether failures are retried.</param>
/// <param name="ErrorsToRetry">The error types retried; empty means all.</param>
public sealed record RetryPolicyView(bool Enabled, IReadOnlyList<string> ErrorsToRetry);
