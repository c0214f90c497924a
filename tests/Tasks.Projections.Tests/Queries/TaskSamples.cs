namespace Tasks.Projections.Tests.Queries;

/// <summary>
/// A deterministic set of tasks with many ties (so the key tiebreaker matters), many NULLs, and text holding the
/// characters that SQL patterns treat specially. Text that is ever compared or sorted is lower-case ASCII letters,
/// so its order is the same under any collation the test server may use.
/// </summary>
internal static class TaskSamples
{
    public const int Count = 300;

    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] FunctionNames = ["alpha", "beta", "gamma", "delta", "epsilon"];

    public static readonly string[] TagPool = ["red", "green", "blue", "50%", "500x", "a_b", "axb", "back\\slash", "star*", "stars", "q?"];

    public static readonly string[] ErrorTypes = ["timeout", "crash", "oom"];

    public static readonly string[] ErrorMessages =
    [
        "disk 100% full", "bad_value in field", "badxvalue in field", "path c:\\temp\\x", "wild * card", "what?", "whats", "plain failure",
    ];

    public static readonly Guid[] RetryPool = [.. Enumerable.Range(1, 8).Select(i => new Guid($"00000000-0000-0000-0000-{i:D12}"))];

    public static IReadOnlyList<TaskRow> Rows { get; } = Generate(Count, seed: 20250601);

    public static IReadOnlyList<TaskRow> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var statuses = Tasks.Projections.Queries.TaskQueryModel.Statuses;
        var rows = new List<TaskRow>(count);
        for (var i = 0; i < count; i++)
        {
            T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
            T? Maybe<T>(double nullChance, Func<T> make) where T : class => random.NextDouble() < nullChance ? null : make();
            // Few distinct creation times, so many rows tie on them; microsecond offsets exercise precision.
            var created = Epoch.AddMinutes(random.Next(40)).AddTicks(random.Next(3) * 10);
            var guidBytes = new byte[16];
            random.NextBytes(guidBytes);
            rows.Add(new TaskRow(
                Id: new Guid(guidBytes),
                Status: Pick(statuses),
                StatusChangedAt: created.AddSeconds(random.Next(600)),
                FunctionName: Pick(FunctionNames),
                StartAt: created.AddMinutes(random.Next(-5, 60)),
                Priority: random.Next(-3, 4),
                Tags: [.. TagPool.OrderBy(_ => random.Next()).Take(random.Next(4))],
                CreatedAt: created,
                UpdatedAt: created.AddMinutes(random.Next(100)),
                CreatedByUserId: Maybe(0.4, () => "user" + (char)('a' + random.Next(5))),
                CreatedByApplicationId: Maybe(0.6, () => "app" + (char)('a' + random.Next(3))),
                RetriedByTaskId: random.NextDouble() < 0.8 ? null : Pick(RetryPool),
                RetryForTaskIds: [.. RetryPool.OrderBy(_ => random.Next()).Take(random.Next(3))],
                ErrorType: Maybe(0.5, () => Pick(ErrorTypes)),
                ErrorName: Maybe(0.5, () => Pick(ErrorTypes) + "error"),
                ErrorMessage: Maybe(0.4, () => Pick(ErrorMessages))));
        }

        return rows;
    }
}
