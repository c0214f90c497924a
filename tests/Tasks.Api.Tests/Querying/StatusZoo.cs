using Tasks.Domain.Tasks;

namespace Tasks.Api.Tests.Querying;

/// <summary>A scope holding one task in every status, labelled by status (the retry task of "retried" is "retry", and NEW).</summary>
internal static class StatusZoo
{
    public static readonly TaskError Timeout = new("Timeout", "TimeoutError", "took too long");

    public static readonly TaskError Throttled = new("Throttled", "ThrottleError", "slow down: 429");

    /// <summary>Creates new, canceled, inProgress, complete, failed, retried and retry, starting at <paramref name="at"/>, a second apart.</summary>
    public static async Task FillAsync(TaskScope scope, DateTimeOffset at)
    {
        var driver = scope.Driver;
        await scope.CreateDirectAsync("new", at);

        var canceled = await scope.CreateDirectAsync("canceled", at.AddSeconds(10));
        await driver.CancelAsync(canceled, at.AddSeconds(11));

        var inProgress = await scope.CreateDirectAsync("inProgress", at.AddSeconds(20));
        await driver.StartAsync(inProgress, at.AddSeconds(21));

        var complete = await scope.CreateDirectAsync("complete", at.AddSeconds(30));
        await driver.StartAsync(complete, at.AddSeconds(31));
        await driver.CompleteAsync(complete, at.AddSeconds(32));

        var failed = await scope.CreateDirectAsync("failed", at.AddSeconds(40));
        await driver.StartAsync(failed, at.AddSeconds(41));
        await driver.FailAsync(failed, Timeout, at.AddSeconds(42));

        var retried = await scope.CreateDirectAsync("retried", at.AddSeconds(50));
        await driver.StartAsync(retried, at.AddSeconds(51));
        scope.Add("retry", await driver.FailAndRetryAsync(retried, Throttled, at.AddSeconds(52)));
    }
}
