using Tasks.Domain.Tasks;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskStatusesSpecs
{
    [Theory]
    [InlineData(TaskStatus.New, "new")]
    [InlineData(TaskStatus.InProgress, "inProgress")]
    [InlineData(TaskStatus.Complete, "complete")]
    [InlineData(TaskStatus.Retried, "retried")]
    [InlineData(TaskStatus.Failed, "failed")]
    [InlineData(TaskStatus.Canceled, "canceled")]
    public void Statuses_have_the_wire_names_callers_know(TaskStatus status, string wireName)
    {
        Assert.Equal(wireName, status.ToWireName());
        Assert.Equal(status, TaskStatuses.FromWireName(wireName));
    }

    [Theory]
    [InlineData("New")]
    [InlineData("in_progress")]
    [InlineData("cancelled")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_wire_names_are_not_statuses(string? wireName)
    {
        Assert.False(TaskStatuses.TryFromWireName(wireName, out _));
    }

    [Fact]
    public void Reading_an_unknown_wire_name_throws()
    {
        Assert.Throws<ArgumentException>(() => TaskStatuses.FromWireName("done"));
    }

    [Fact]
    public void Complete_retried_failed_and_canceled_are_terminal()
    {
        Assert.Equal(
            [TaskStatus.Complete, TaskStatus.Retried, TaskStatus.Failed, TaskStatus.Canceled],
            TaskStatuses.All.Where(s => s.IsTerminal()));
    }

    [Fact]
    public void Every_status_is_listed_once()
    {
        Assert.Equal(Enum.GetValues<TaskStatus>().Order(), TaskStatuses.All.Order());
    }
}
