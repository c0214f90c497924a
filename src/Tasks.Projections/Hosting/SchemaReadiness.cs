namespace Tasks.Projections.Hosting;

/// <summary>Whether the schema has been brought up to date; hosts are not ready before.</summary>
public sealed class SchemaReadiness
{
    private readonly TaskCompletionSource migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once migrations have been applied.</summary>
    public bool IsMigrated => migrated.Task.IsCompletedSuccessfully;

    /// <summary>Completes when migrations have been applied.</summary>
    public Task Migrated => migrated.Task;

    internal void MarkMigrated() => migrated.TrySetResult();
}
