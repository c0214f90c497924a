using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// AstWalker visits every node depth-first in source order; AstVisitor hooks see enter and leave.
public class AstWalkerTests
{
    [Fact]
    public void Every_node_is_entered_and_left_in_source_order()
    {
        var recorder = new Recorder();

        AstWalker.Walk(Parser.Parse("{ a: b(c: 1) }"), recorder);

        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
                "enter Name a", "leave Name a", "enter Name b", "leave Name b",
                "enter Argument", "enter Name c", "leave Name c", "enter IntValue", "leave IntValue", "leave Argument",
                "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void The_walk_reaches_every_node_kind_of_the_kitchen_sinks()
    {
        var recorder = new Recorder();

        AstWalker.Walk(Parser.Parse(KitchenSink.Executable + "\n" + KitchenSink.Schema), recorder);

        Assert.Equal(Enum.GetValues<NodeKind>().Length, recorder.Kinds.Count);
        Assert.Equal(recorder.Events.Count(e => e.StartsWith("enter", StringComparison.Ordinal)), recorder.Events.Count(e => e.StartsWith("leave", StringComparison.Ordinal)));
    }

    [Fact]
    public void Typed_hooks_receive_their_own_node_type()
    {
        var counter = new FieldCounter();

        AstWalker.Walk(Parser.Parse("{ a { b c } ... on T { d } } fragment F on T { e }"), counter);

        Assert.Equal(["a", "b", "c", "d", "e"], counter.Fields);
        Assert.Equal(1, counter.Fragments);
    }

    [Fact]
    public void Skipping_children_skips_the_subtree_but_still_leaves_the_node()
    {
        var recorder = new Recorder { SkipKind = NodeKind.Argument };

        AstWalker.Walk(Parser.Parse("{ f(a: 1) }"), recorder);

        Assert.Contains("enter Argument", recorder.Events);
        Assert.Contains("leave Argument", recorder.Events);
        Assert.DoesNotContain("enter IntValue", recorder.Events);
        Assert.DoesNotContain("enter Name a", recorder.Events);
    }

    [Fact]
    public void Stopping_ends_the_walk_at_once()
    {
        var recorder = new Recorder { StopKind = NodeKind.Argument };

        AstWalker.Walk(Parser.Parse("{ f(a: 1) g }"), recorder);

        Assert.Equal("enter Argument", recorder.Events[^1]);
        Assert.DoesNotContain("enter Name g", recorder.Events);
    }

    [Fact]
    public void A_visitor_sees_the_ancestors_of_the_node_it_visits()
    {
        var visitor = new DirectiveParentVisitor();

        AstWalker.Walk(Parser.Parse("query Q @a { f @b ...F @c } fragment F on T @d { g }"), visitor);

        Assert.Equal(
            [
                ("a", NodeKind.OperationDefinition, 2), ("b", NodeKind.Field, 4),
                ("c", NodeKind.FragmentSpread, 4), ("d", NodeKind.FragmentDefinition, 2),
            ],
            visitor.Seen);
        Assert.Empty(visitor.AncestorsAfterWalk);
    }

    [Fact]
    public void Parallel_visitors_share_one_walk_but_skip_and_stop_independently()
    {
        var skipper = new Recorder { SkipKind = NodeKind.Field };
        var stopper = new Recorder { StopKind = NodeKind.Name };
        var full = new Recorder();

        AstWalker.Walk(Parser.Parse("{ f(a: 1) }"), new ParallelAstVisitor([skipper, stopper, full]));

        Assert.DoesNotContain("enter Argument", skipper.Events);
        Assert.Contains("leave Field", skipper.Events);
        Assert.Equal("enter Name f", stopper.Events[^1]);
        Assert.Contains("enter IntValue", full.Events);
        Assert.Equal("leave Document", full.Events[^1]);
    }

    [Fact]
    public void A_parallel_walk_stops_when_every_visitor_has_stopped()
    {
        var first = new Recorder { StopKind = NodeKind.Field };
        var second = new Recorder { StopKind = NodeKind.Field };

        AstWalker.Walk(Parser.Parse("{ f g }"), new ParallelAstVisitor([first, second]));

        Assert.Equal("enter Field", first.Events[^1]);
        Assert.Equal("enter Field", second.Events[^1]);
    }

    [Fact]
    public void GetChildren_lists_direct_children_in_walk_order()
    {
        var field = Assert.IsType<FieldNode>(Assert.Single(Assert.IsType<OperationDefinitionNode>(
            Assert.Single(Parser.Parse("{ a: b(c: 1) @d { e } }").Definitions)).SelectionSet.Selections));

        var children = AstWalker.GetChildren(field);

        Assert.Equal([NodeKind.Name, NodeKind.Name, NodeKind.Argument, NodeKind.Directive, NodeKind.SelectionSet], children.Select(child => child.Kind));
        Assert.Empty(AstWalker.GetChildren(new NullValueNode()));
    }

    private sealed class Recorder : AstVisitor
    {
        public List<string> Events { get; } = [];

        public HashSet<NodeKind> Kinds { get; } = [];

        public NodeKind? SkipKind { get; init; }

        public NodeKind? StopKind { get; init; }

        public override VisitAction Enter(INode node)
        {
            Events.Add("enter " + Describe(node));
            Kinds.Add(node.Kind);
            if (node.Kind == StopKind)
            {
                return VisitAction.Stop;
            }

            return node.Kind == SkipKind ? VisitAction.SkipChildren : VisitAction.Continue;
        }

        public override void Leave(INode node) => Events.Add("leave " + Describe(node));

        private static string Describe(INode node) => node is NameNode name ? "Name " + name.Value : node.Kind.ToString();
    }

    private sealed class FieldCounter : AstVisitor
    {
        public List<string> Fields { get; } = [];

        public int Fragments { get; private set; }

        protected override VisitAction EnterField(FieldNode node)
        {
            Fields.Add(node.Name.Value);
            return VisitAction.Continue;
        }

        protected override void LeaveFragmentDefinition(FragmentDefinitionNode node) => Fragments++;
    }

    private sealed class DirectiveParentVisitor : AstVisitor
    {
        public List<(string Directive, NodeKind Parent, int Depth)> Seen { get; } = [];

        public IReadOnlyList<INode> AncestorsAfterWalk => Ancestors;

        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            Seen.Add((node.Name.Value, Parent!.Kind, Ancestors.Count));
            return VisitAction.SkipChildren;
        }
    }
}
