using System.Collections.Concurrent;
using System.Text;
using Tasks.Messaging.Handling;
using Tasks.TestSupport.RabbitMq;

namespace Tasks.Messaging.Tests.Handling;

public sealed class QueueConsumerTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task A_message_is_acknowledged_only_after_its_handler_completes()
    {
        var entered = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = await StartConsumerAsync(async (message, _) =>
        {
            entered.TrySetResult(message);
            await release.Task;
        });

        await Publisher.PublishAsync(Transition("m-1"));
        var received = await entered.Task.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("documents", received.Exchange);
        Assert.Equal("document.transitioned", received.RoutingKey);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("{\"id\":\"m-1\"}", Encoding.UTF8.GetString(received.Body.Span));
        Assert.False(received.Redelivered);
        // The broker's counts are statistics that lag a little; an acknowledged message would never show as unacknowledged.
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(0, 1), "the broker counts the message as delivered, unacknowledged");
        Assert.Equal(0, consumer.Acknowledged);

        release.SetResult();

        await Eventually.HoldsAsync(() => consumer.Acknowledged == 1, "the message was acknowledged");
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(0, 0), "the queue is empty");
    }

    [Fact]
    public async Task A_rejected_message_goes_to_the_dead_letter_queue_with_its_reason()
    {
        var handled = new ConcurrentBag<string>();
        var consumer = await StartConsumerAsync((message, _) =>
        {
            if (message.MessageId == "bad")
            {
                throw new MessageRejectedException("unknownFunction", "no function named nope");
            }

            handled.Add(message.MessageId!);
            return Task.CompletedTask;
        }, o => o with { Concurrency = 1, Prefetch = 1 });

        await Publisher.PublishAsync([Transition("bad", "{\"function\":\"nope\"}"), Transition("good")]);

        // One at a time, the message behind the rejected one is still handled: a bad message never blocks the queue.
        await Eventually.HoldsAsync(() => handled.Contains("good"), "the message behind the rejected one was handled");
        await Eventually.HoldsAsync(() => consumer.DeadLettered == 1, "the rejected message was dead-lettered");
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(0, 0), "the original left the queue");
        var dead = Assert.Single(await DrainAsync(Options.DeadLetterQueue));
        Assert.Equal("bad", dead.MessageId);
        Assert.Equal("{\"function\":\"nope\"}", dead.Body);
        Assert.Equal("application/json", dead.ContentType);
        Assert.True(dead.Persistent);
        Assert.Equal("unknownFunction", dead.Headers["x-rejected-code"]);
        Assert.Equal("no function named nope", dead.Headers["x-rejected-reason"]);
        Assert.Equal("documents", dead.Headers["x-original-exchange"]);
        Assert.Equal("document.transitioned", dead.Headers["x-original-routing-key"]);
        Assert.True(DateTimeOffset.TryParse(dead.Headers["x-rejected-at"], out _));
        Assert.DoesNotContain("bad", handled);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_it_clears_and_is_never_dead_lettered()
    {
        var attempts = 0;
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = await StartConsumerAsync((message, _) =>
        {
            if (Interlocked.Increment(ref attempts) <= 4)
            {
                throw new TimeoutException("the database is away");
            }

            handled.TrySetResult(message.MessageId!);
            return Task.CompletedTask;
        });

        await Publisher.PublishAsync(Transition("m-1"));

        Assert.Equal("m-1", await handled.Task.WaitAsync(TimeSpan.FromSeconds(90)));
        Assert.Equal(5, Volatile.Read(ref attempts));
        await Eventually.HoldsAsync(() => consumer.Acknowledged == 1, "the message was acknowledged");
        Assert.Equal(0, consumer.DeadLettered);
        Assert.Equal(new QueueCounts(0, 0), await CountsAsync(Options.DeadLetterQueue));
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(0, 0), "the queue is empty");
    }

    [Fact]
    public async Task A_message_still_failing_at_shutdown_goes_back_to_the_queue()
    {
        var attempted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = await StartConsumerAsync((_, _) =>
        {
            attempted.TrySetResult();
            throw new TimeoutException("the database is away");
        });
        await Publisher.PublishAsync(Transition("m-1"));
        await attempted.Task.WaitAsync(TimeSpan.FromSeconds(90));

        await consumer.StopAsync(CancellationToken.None);

        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(1, 0), "the message is back in the queue");
        Assert.Equal(new QueueCounts(0, 0), await CountsAsync(Options.DeadLetterQueue));
    }

    [Fact]
    public async Task Shutdown_lets_a_running_handler_finish_and_acknowledges_it()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = await StartConsumerAsync(async (_, _) =>
        {
            entered.TrySetResult();
            // Ignores the token on purpose: the grace is longer than this.
            await Task.Delay(500, CancellationToken.None);
        });
        await Publisher.PublishAsync(Transition("m-1"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(90));

        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(1, consumer.Acknowledged);
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new QueueCounts(0, 0), "the queue is empty");
    }

    [Fact]
    public async Task Messages_are_handled_concurrently_up_to_the_configured_concurrency()
    {
        var running = 0;
        var peak = 0;
        var done = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartConsumerAsync(async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await gate.Task;
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }, o => o with { Concurrency = 4, Prefetch = 16 });

        await Publisher.PublishAsync(Enumerable.Range(0, 12).Select(i => Transition($"m-{i}")).ToList());
        await Eventually.HoldsAsync(() => Volatile.Read(ref running) == 4, "four handlers run at once");
        gate.SetResult();

        await Eventually.HoldsAsync(() => Volatile.Read(ref done) == 12, "every message was handled");
        Assert.Equal(4, Volatile.Read(ref peak));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
