using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tests.Deciding;

public sealed class DeciderSpecs
{
    [Fact]
    public void Folding_applies_events_from_the_initial_state_in_order()
    {
        Assert.Equal("0ab", new Appender().Fold(["a", "b"]));
    }

    [Fact]
    public void Folding_no_events_gives_the_initial_state()
    {
        Assert.Equal("0", new Appender().Fold([]));
    }

    [Fact]
    public void Running_a_command_decides_and_applies_its_events()
    {
        var (decision, state) = new Appender().Run("0", "xy");

        Assert.Equal(["x", "y"], decision.Events);
        Assert.Equal("0xy", state);
    }

    [Fact]
    public void Running_a_rejected_command_leaves_the_state_alone()
    {
        var (decision, state) = new Appender().Run("0", "");

        Assert.False(decision.IsSuccess);
        Assert.Equal("0", state);
    }

    /// <summary>A toy decider: a command's characters become events appended to the state.</summary>
    private sealed class Appender : IDecider<string, string, string>
    {
        public string Initial => "0";

        public Decision<string> Decide(string command, string state) =>
            command.Length == 0
                ? new ValidationError("command", "empty")
                : Decision.Accept(command.Select(c => c.ToString()));

        public string Evolve(string state, string @event) => state + @event;

        public bool IsTerminal(string state) => false;
    }
}
