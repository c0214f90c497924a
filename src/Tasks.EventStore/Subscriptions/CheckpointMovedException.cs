namespace Tasks.EventStore.Subscriptions;

/// <summary>Another process advanced the subscriber's checkpoint first; this batch was not applied.</summary>
public sealed class CheckpointMovedException(string name, Exception inner)
    : Exception($"checkpoint {name} moved under this subscriber", inner);
