using Microsoft.Extensions.Logging.Abstractions;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_that_arrive_together_all_commit()
    {
        await using var db = await TestStore.CreateAsync();
        var commits = new GroupCommit<Guid>(db.Store, (work, id) => work.Append(id, "account", ExpectedVersion.NoStream, [new Opened("a")]), NullLogger.Instance);
        var running = commits.RunAsync();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => commits.CommitAsync(TimeOrderedId.New())));
        commits.Complete();
        await running;

        Assert.Equal(200, await db.ScalarAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task With_isolated_failures_a_message_handled_before_fails_alone_and_the_others_commit()
    {
        await using var db = await TestStore.CreateAsync();
        await db.Store.BeginUnitOfWork().RecordInbox("seen", "documents").Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();
        var commits = new GroupCommit<string>(
            db.Store,
            (work, message) => work.RecordInbox(message, "documents").Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened(message)]),
            NullLogger.Instance,
            writers: 1,
            isolateFailures: true);

        // Queued before the writer runs, so they share one batch.
        var pending = new[] { "m1", "seen", "m2", "m3" }.Select(m => (Message: m, Commit: commits.CommitAsync(m))).ToList();
        var running = commits.RunAsync();
        var outcomes = await Task.WhenAll(pending.Select(async p =>
        {
            try
            {
                await p.Commit;
                return (p.Message, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (p.Message, Error: e);
            }
        }));
        commits.Complete();
        await running;

        Assert.IsType<DuplicateMessageException>(Assert.Single(outcomes, o => o.Message == "seen").Error);
        Assert.All(outcomes.Where(o => o.Message != "seen"), o => Assert.Null(o.Error));
        Assert.Equal(4, await db.ScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(4, await db.ScalarAsync("SELECT count(*) FROM inbox"));
    }
}
