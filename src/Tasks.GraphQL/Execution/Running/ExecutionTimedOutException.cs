namespace Tasks.GraphQL.Execution.Running;

/// <summary>Ends the waits of an execution that ran past <see cref="ExecutionOptions.ExecutionTimeout"/>.</summary>
internal sealed class ExecutionTimedOutException(TimeSpan timeout)
    : Exception($"The request ran past its time limit of {timeout.TotalSeconds:0.###} seconds before this field was resolved.");
