using Tasks.Dispatcher.Invoking;

namespace Tasks.Dispatcher.Tests.Local;

/// <summary>Assertions on invocation outcomes that show the logs when the outcome is not the expected kind.</summary>
public static class Outcomes
{
    public static InvocationSucceeded Succeeded(InvocationOutcome outcome) =>
        outcome as InvocationSucceeded ?? throw Unexpected("succeeded", outcome);

    public static InvocationFailed Failed(InvocationOutcome outcome, string expectedType)
    {
        var failed = outcome as InvocationFailed ?? throw Unexpected($"failed with {expectedType}", outcome);
        if (failed.Error.Type != expectedType)
        {
            throw Unexpected($"failed with {expectedType}", outcome);
        }

        return failed;
    }

    public static IReadOnlyList<string> Messages(InvocationOutcome outcome) => outcome.Logs.Select(l => l.Message).ToList();

    private static Xunit.Sdk.XunitException Unexpected(string expected, InvocationOutcome outcome) =>
        new($"Expected the invocation to have {expected}, but it ended as {outcome}.\nLogs:\n{string.Join('\n', Messages(outcome))}");
}
