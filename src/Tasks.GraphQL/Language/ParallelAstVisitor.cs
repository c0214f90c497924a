namespace Tasks.GraphQL.Language;

/// <summary>
/// Runs several visitors in one walk, as validation does with its rules. Each visitor keeps its own
/// <see cref="VisitAction"/>: one that skips a node's children misses only that subtree (it still gets the
/// node's <c>Leave</c>), and one that stops receives nothing more while the others carry on. The walk
/// itself stops when every visitor has stopped.
/// </summary>
public sealed class ParallelAstVisitor : AstVisitor
{
    private readonly AstVisitor[] _visitors;

    // Per visitor: the node whose children it is skipping, if any, and whether it has stopped.
    private readonly INode?[] _skippingUnder;
    private readonly bool[] _stopped;
    private int _stoppedCount;

    /// <summary>Combines visitors; they are called in the order given.</summary>
    /// <param name="visitors">The visitors to run.</param>
    public ParallelAstVisitor(IEnumerable<AstVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        _visitors = [.. visitors];
        _skippingUnder = new INode?[_visitors.Length];
        _stopped = new bool[_visitors.Length];
    }

    /// <inheritdoc />
    public override VisitAction Enter(INode node)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_stopped[i] || _skippingUnder[i] is not null)
            {
                continue;
            }

            switch (_visitors[i].Enter(node))
            {
                case VisitAction.SkipChildren:
                    _skippingUnder[i] = node;
                    break;
                case VisitAction.Stop:
                    _stopped[i] = true;
                    _stoppedCount++;
                    break;
            }
        }

        return _stoppedCount == _visitors.Length ? VisitAction.Stop : VisitAction.Continue;
    }

    /// <inheritdoc />
    public override void Leave(INode node)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_stopped[i])
            {
                continue;
            }

            if (_skippingUnder[i] is null)
            {
                _visitors[i].Leave(node);
            }
            else if (ReferenceEquals(_skippingUnder[i], node))
            {
                _skippingUnder[i] = null;
                _visitors[i].Leave(node);
            }
        }
    }

    internal override void AttachAncestors(IReadOnlyList<INode> ancestors)
    {
        base.AttachAncestors(ancestors);
        foreach (var visitor in _visitors)
        {
            visitor.AttachAncestors(ancestors);
        }

        // A new walk starts with every visitor active again.
        Array.Clear(_skippingUnder);
        Array.Clear(_stopped);
        _stoppedCount = 0;
    }
}
