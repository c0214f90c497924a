using System.Text;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Fragment Spreads Must Not Form Cycles (spec §5.5.2.2): a fragment may not spread itself, directly
/// or through other fragments, since expanding it would never end.
/// </summary>
public sealed class FragmentSpreadsMustNotFormCycles : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentSpreadsMustNotFormCycles);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        // Fragments already searched: every cycle through them has been reported once.
        private readonly HashSet<string> _searched = new(StringComparer.Ordinal);

        // The spreads followed from the fragment the search started at, and where each fragment on
        // that path begins in it.
        private readonly List<FragmentSpreadNode> _path = [];
        private readonly Dictionary<string, int> _pathIndexByFragment = new(StringComparer.Ordinal);

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            Search(node);
            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        // A depth-first search from the fragment, with an explicit stack so that long chains of
        // fragments cannot exhaust the thread's stack.
        private void Search(FragmentDefinitionNode fragment)
        {
            var name = fragment.Name.Value;
            if (!_searched.Add(name))
            {
                return;
            }

            var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreads.Count == 0)
            {
                return;
            }

            var frames = new Stack<(string Fragment, IReadOnlyList<FragmentSpreadNode> Spreads, int Next)>();
            frames.Push((name, spreads, 0));
            _pathIndexByFragment[name] = _path.Count;
            while (frames.Count > 0)
            {
                var (current, currentSpreads, next) = frames.Pop();
                if (next >= currentSpreads.Count)
                {
                    // Done with this fragment: it leaves the path, with the spread that led to it.
                    _pathIndexByFragment.Remove(current);
                    if (frames.Count > 0)
                    {
                        _path.RemoveAt(_path.Count - 1);
                    }

                    continue;
                }

                frames.Push((current, currentSpreads, next + 1));
                var spread = currentSpreads[next];
                var target = spread.Name.Value;
                if (_pathIndexByFragment.TryGetValue(target, out var cycleStart))
                {
                    ReportCycle(target, cycleStart, spread);
                }
                else if (Context.GetFragment(target) is { } targetFragment && _searched.Add(target))
                {
                    var targetSpreads = Context.GetFragmentSpreads(targetFragment.SelectionSet);
                    if (targetSpreads.Count > 0)
                    {
                        _path.Add(spread);
                        _pathIndexByFragment[target] = _path.Count;
                        frames.Push((target, targetSpreads, 0));
                    }
                }
            }
        }

        private void ReportCycle(string fragmentName, int cycleStart, FragmentSpreadNode closingSpread)
        {
            var message = new StringBuilder($"Cannot spread fragment \"{fragmentName}\" within itself");
            var spreads = new List<INode>(_path.Count - cycleStart + 1);
            for (var i = cycleStart; i < _path.Count; i++)
            {
                message.Append(i == cycleStart ? " via " : ", ").Append('"').Append(_path[i].Name.Value).Append('"');
                spreads.Add(_path[i]);
            }

            spreads.Add(closingSpread);
            ReportError(message.Append('.').ToString(), spreads);
        }
    }
}
