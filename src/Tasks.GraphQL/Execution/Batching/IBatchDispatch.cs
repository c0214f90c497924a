namespace Tasks.GraphQL.Execution.Batching;

/// <summary>What a <see cref="BatchLoaderScope"/> needs of a loader whatever its key and value types.</summary>
internal interface IBatchDispatch
{
    /// <summary>Sends the queued keys to the batch function.</summary>
    void Dispatch();

    /// <summary>Fails the queued keys.</summary>
    void Abort(Exception reason);
}
