using Tasks.Domain.Deciding;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Tasks.TaskExamples;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskCreationSpecs
{
    [Fact]
    public void Creating_a_task_records_it_as_new_with_every_field()
    {
        var command = Create() with { StartTimestamp = Time.At(60), Priority = 7, Tags = ["a", "b"] };

        var created = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(command, null));
        var state = Aggregate.Evolve(null, created)!;

        Assert.Equal(
            new TaskCreated(TaskId, "resize-image", command.Data, Time.At(60), 7, ["a", "b"], "alice", "backoffice", [], Time.T0),
            created);
        Assert.Equal(TaskId, state.Id);
        Assert.Equal(TaskStatus.New, state.Status);
        Assert.Equal(Time.T0, state.StatusChangedTimestamp);
        Assert.Equal(Time.T0, state.CreationTimestamp);
        Assert.Equal(Time.T0, state.UpdateTimestamp);
        Assert.Equal("resize-image", state.FunctionName);
        Assert.Equal("""{"image":"a.png"}""", state.Data.Json);
        Assert.Equal(Time.At(60), state.StartTimestamp);
        Assert.Equal(7, state.Priority);
        Assert.Equal(["a", "b"], state.Tags);
        Assert.Equal("alice", state.CreatedByUserId);
        Assert.Equal("backoffice", state.CreatedByApplicationId);
        Assert.Empty(state.RetryForTaskIds);
        Assert.Null(state.RetriedByTaskId);
        Assert.Null(state.Error);
        Assert.Null(state.LeaseExpiresAt);
        Assert.False(state.IsTerminal);
    }

    [Fact]
    public void The_start_timestamp_defaults_to_the_creation_time()
    {
        var created = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create(Time.At(42)), null));

        Assert.Equal(Time.At(42), created.StartTimestamp);
    }

    [Fact]
    public void The_priority_defaults_to_the_functions_default_priority()
    {
        var command = Create() with { FunctionDefaultPriority = 5 };

        Assert.Equal(5, DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(command, null)).Priority);
    }

    [Fact]
    public void The_priority_defaults_to_zero_when_the_function_has_no_default()
    {
        Assert.Equal(0, DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create(), null)).Priority);
    }

    [Fact]
    public void A_given_priority_wins_over_the_functions_default()
    {
        var command = Create() with { Priority = -3, FunctionDefaultPriority = 5 };

        Assert.Equal(-3, DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(command, null)).Priority);
    }

    [Fact]
    public void Missing_data_becomes_the_empty_object()
    {
        var command = Create() with { Data = null! };

        Assert.Equal(TaskData.Empty, DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(command, null)).Data);
    }

    [Fact]
    public void Creating_an_existing_task_is_rejected_as_already_existing()
    {
        foreach (var state in new[] { New(), InProgress(), Complete(), Canceled() })
        {
            var error = DecisionAssert.Rejected<ITaskEvent, AlreadyExistsError>(Aggregate.Decide(Create(Time.At(10)), state));
            Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
            Assert.Equal("task", error.Entity);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("under_score")]
    [InlineData("dot.name")]
    [InlineData("ünicode")]
    public void A_task_needs_a_valid_function_name(string? functionName)
    {
        var command = Create() with { FunctionName = functionName! };

        DecisionAssert.RejectedFor(Aggregate.Decide(command, null), "functionName");
    }

    [Fact]
    public void A_function_name_of_64_characters_is_accepted_and_65_is_rejected()
    {
        DecisionAssert.Accepted(Aggregate.Decide(Create() with { FunctionName = new string('a', 64) }, null));
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { FunctionName = new string('a', 65) }, null), "functionName");
    }

    [Fact]
    public void A_task_without_an_id_is_rejected()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { TaskId = Guid.Empty }, null), "id");
    }

    [Fact]
    public void Up_to_100_tags_are_accepted_and_101_are_rejected()
    {
        var hundred = Enumerable.Range(0, TaskTags.MaxCount).Select(i => $"t{i}").ToList();

        DecisionAssert.Accepted(Aggregate.Decide(Create() with { Tags = hundred }, null));
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { Tags = [.. hundred, "one-more"] }, null), "tags");
    }

    [Fact]
    public void A_tag_of_256_characters_is_accepted_and_257_is_rejected()
    {
        DecisionAssert.Accepted(Aggregate.Decide(Create() with { Tags = [new string('x', 256)] }, null));
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { Tags = [new string('x', 257)] }, null), "tags");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_tag_is_rejected(string tag)
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { Tags = ["fine", tag] }, null), "tags");
    }

    [Fact]
    public void Missing_tags_mean_no_tags()
    {
        Assert.Empty(DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create() with { Tags = null! }, null)).Tags);
    }

    [Fact]
    public void A_task_retries_at_most_three_earlier_attempts()
    {
        Guid[] three = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        DecisionAssert.Accepted(Aggregate.Decide(Create() with { RetryForTaskIds = three }, null));
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { RetryForTaskIds = [.. three, Guid.NewGuid()] }, null), "retryForTaskIds");
    }

    [Fact]
    public void A_task_cannot_retry_itself()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { RetryForTaskIds = [TaskId] }, null), "retryForTaskIds");
    }

    [Fact]
    public void Two_tasks_created_alike_have_equal_states()
    {
        // Separately built lists inside: equality must be by value, not by reference.
        var first = Given(Create() with { Tags = new List<string> { "a" } });
        var second = Given(Create() with { Tags = new List<string> { "a" } });

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Given(Create() with { Tags = new List<string> { "b" } }));
    }

    [Fact]
    public void Created_events_carry_value_equal_lists()
    {
        var a = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create(), null));
        var b = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create(), null));

        Assert.Equal(a, b);
        Assert.IsType<EquatableList<string>>(a.Tags);
    }
}
