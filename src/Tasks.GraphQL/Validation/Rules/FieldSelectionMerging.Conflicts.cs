using System.Runtime.CompilerServices;
using System.Text;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

public sealed partial class FieldSelectionMerging
{
    /// <summary>Why two fields with one response name cannot merge; located at the fields (and subfields) involved.</summary>
    internal sealed class Conflict(string responseName, string? reason, List<Conflict>? subfieldConflicts, List<FieldNode> left, List<FieldNode> right)
    {
        public string ResponseName { get; } = responseName;

        public List<FieldNode> Left { get; } = left;

        public List<FieldNode> Right { get; } = right;

        public void AppendReason(StringBuilder message)
        {
            if (reason is not null)
            {
                message.Append(reason);
                return;
            }

            for (var i = 0; i < subfieldConflicts!.Count; i++)
            {
                var subfield = subfieldConflicts[i];
                message.Append(i == 0 ? "subfields \"" : " and subfields \"").Append(subfield.ResponseName).Append("\" conflict because ");
                subfield.AppendReason(message);
            }
        }
    }

    /// <summary>A field as collected from a selection set: the node, the type it is selected on, and its definition.</summary>
    private readonly record struct CollectedField(INamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    /// <summary>
    /// The fields of a selection set by response name (through inline fragments, not fragment spreads),
    /// and the names of the fragments it spreads.
    /// </summary>
    private sealed class FieldsAndFragments
    {
        private HashSet<string>? _fragmentNameSet;
        private HashSet<CollectedField>? _distinctFields;

        public List<string> ResponseNames { get; } = [];

        public Dictionary<string, List<CollectedField>> FieldsByResponseName { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        // The fragments these fields were compared with, by fragment number; made on first use.
        public ulong[]? ComparedFragments { get; set; }

        public ulong[]? ComparedFragmentsExclusive { get; set; }

        public void AddField(CollectedField field)
        {
            var responseName = field.Node.ResponseKey;
            if (!FieldsByResponseName.TryGetValue(responseName, out var fields))
            {
                FieldsByResponseName[responseName] = [field];
                ResponseNames.Add(responseName);
                return;
            }

            // A field written again exactly as before, on the same type, conflicts with nothing the
            // first does not: keeping one copy keeps documents like { a a a ... } linear. The set is
            // made only once some response name repeats.
            if (_distinctFields is null)
            {
                _distinctFields = new HashSet<CollectedField>(SameFieldComparer.Instance);
                foreach (var name in ResponseNames)
                {
                    foreach (var earlier in FieldsByResponseName[name])
                    {
                        _distinctFields.Add(earlier);
                    }
                }
            }

            if (_distinctFields.Add(field))
            {
                fields.Add(field);
            }
        }

        public void AddFragment(string name)
        {
            if ((_fragmentNameSet ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                FragmentNames.Add(name);
            }
        }
    }

    /// <summary>Fields written the same way (structurally, ignoring locations) on the same parent type.</summary>
    private sealed class SameFieldComparer : IEqualityComparer<CollectedField>
    {
        public static SameFieldComparer Instance { get; } = new();

        public bool Equals(CollectedField x, CollectedField y) =>
            ReferenceEquals(x.ParentType, y.ParentType) && AstComparer.Instance.Equals(x.Node, y.Node);

        public int GetHashCode(CollectedField obj) => AstComparer.Instance.GetHashCode(obj.Node);
    }

    /// <summary>The conflict search for one document, with what it has collected and compared so far.</summary>
    internal sealed class ConflictFinder
    {
        private readonly ValidationContext _context;
        private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _collected = [];
        private readonly FragmentIndex _fragments;

        // Fragments found to share a response name with the fields being compared, and which of them
        // were found already; reused between comparisons.
        private readonly List<int> _candidates = [];
        private readonly ulong[] _isCandidate;

        // Most comparisons of subfields find nothing: their lists are reused rather than allocated.
        private readonly Stack<List<Conflict>> _emptyLists = new();

        private int _limit;

        public ConflictFinder(ValidationContext context)
        {
            _context = context;
            _fragments = new FragmentIndex(context, Collect);
            _isCandidate = new ulong[FragmentIndex.Words(_fragments.Count)];
        }

        /// <summary>Whether the last search stopped because fragments nest deeper than the stack allows.</summary>
        public bool NestedTooDeeply { get; private set; }

        /// <summary>The conflicts among the fields a selection set selects (FieldsInSetCanMerge), at most <paramref name="limit"/> of them.</summary>
        public List<Conflict> FindConflictsWithin(INamedType? parentType, SelectionSetNode selectionSet, int limit)
        {
            _limit = limit;
            NestedTooDeeply = false;
            var conflicts = new List<Conflict>();
            var collected = Collect(parentType, selectionSet);
            CollectConflictsWithin(conflicts, collected);
            var fragments = collected.FragmentNames;
            for (var i = 0; i < fragments.Count && conflicts.Count < _limit; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, fragments[i]);
                for (var j = i + 1; j < fragments.Count && conflicts.Count < _limit; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, fragments[i], fragments[j]);
                }
            }

            return conflicts;
        }

        private void CollectConflictsWithin(List<Conflict> conflicts, FieldsAndFragments collected)
        {
            foreach (var responseName in collected.ResponseNames)
            {
                var fields = collected.FieldsByResponseName[responseName];
                for (var i = 0; i < fields.Count; i++)
                {
                    for (var j = i + 1; j < fields.Count; j++)
                    {
                        if (conflicts.Count >= _limit)
                        {
                            return;
                        }

                        if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                        {
                            conflicts.Add(conflict);
                        }
                    }
                }
            }
        }

        private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, FieldsAndFragments first, FieldsAndFragments second)
        {
            // Look the names of the smaller set up in the larger; each pair keeps its sides.
            var firstIsSmaller = first.ResponseNames.Count <= second.ResponseNames.Count;
            var (smaller, larger) = firstIsSmaller ? (first, second) : (second, first);
            foreach (var responseName in smaller.ResponseNames)
            {
                if (!larger.FieldsByResponseName.TryGetValue(responseName, out var largerFields))
                {
                    continue;
                }

                var smallerFields = smaller.FieldsByResponseName[responseName];
                var (firstFields, secondFields) = firstIsSmaller ? (smallerFields, largerFields) : (largerFields, smallerFields);
                for (var i = 0; i < firstFields.Count; i++)
                {
                    for (var j = 0; j < secondFields.Count; j++)
                    {
                        if (conflicts.Count >= _limit)
                        {
                            return;
                        }

                        if (FindConflict(mutuallyExclusive, responseName, firstFields[i], secondFields[j]) is { } conflict)
                        {
                            conflicts.Add(conflict);
                        }
                    }
                }
            }
        }

        // The fields of a set against those of a fragment it spreads and of the fragments that one
        // spreads, transitively: against each fragment of its closure that selects a response name
        // the set selects too, once per set and fragment.
        private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool mutuallyExclusive, FieldsAndFragments fields, string fragmentName)
        {
            if (fields.ResponseNames.Count == 0 || _fragments.Id(fragmentName) is not { } id || !HasStackToDescend())
            {
                return;
            }

            FindFragmentsSharingResponseNames(fields, id);
            var words = FragmentIndex.Words(_fragments.Count);
            var compared = fields.ComparedFragments ??= new ulong[words];
            var comparedExclusive = fields.ComparedFragmentsExclusive ??= new ulong[words];
            foreach (var candidate in TakeCandidates())
            {
                var fragmentFields = _fragments.Fields(candidate);
                if (!ReferenceEquals(fields, fragmentFields) && !FragmentIndex.AlreadyCompared(compared, comparedExclusive, candidate, mutuallyExclusive))
                {
                    CollectConflictsBetween(conflicts, mutuallyExclusive, fields, fragmentFields);
                }
            }
        }

        // Two fragments, and the fragments each spreads transitively: every pair of fragments from the
        // two closures that select a common response name, once per pair.
        private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string firstName, string secondName)
        {
            // A fragment's conflicts with itself are those within its own selection set, found there.
            if (firstName == secondName || _fragments.Id(firstName) is not { } firstId || _fragments.Id(secondName) is not { } secondId
                || !HasStackToDescend())
            {
                return;
            }

            foreach (var first in _fragments.Closure(firstId, out _))
            {
                var firstFields = _fragments.Fields(first);
                FindFragmentsSharingResponseNames(firstFields, secondId);
                foreach (var second in TakeCandidates())
                {
                    if (first != second && !_fragments.PairAlreadyCompared(first, second, mutuallyExclusive))
                    {
                        CollectConflictsBetween(conflicts, mutuallyExclusive, firstFields, _fragments.Fields(second));
                    }
                }
            }
        }

        // Fills the candidates with the fragments of the closure of fragment `id` that select some
        // response name `fields` selects, looking from whichever side is smaller.
        private void FindFragmentsSharingResponseNames(FieldsAndFragments fields, int id)
        {
            var inClosure = _fragments.ClosureBits(id, out var closureSize);
            foreach (var responseName in fields.ResponseNames)
            {
                if (_fragments.FragmentsSelecting(responseName) is not { } selecting)
                {
                    continue;
                }

                if (selecting.Count <= closureSize)
                {
                    foreach (var candidate in selecting)
                    {
                        if (FragmentIndex.Test(inClosure, candidate))
                        {
                            AddCandidate(candidate);
                        }
                    }
                }
                else
                {
                    foreach (var candidate in _fragments.Closure(id, out _))
                    {
                        if (_fragments.Fields(candidate).FieldsByResponseName.ContainsKey(responseName))
                        {
                            AddCandidate(candidate);
                        }
                    }
                }
            }
        }

        private void AddCandidate(int candidate)
        {
            if (!FragmentIndex.Test(_isCandidate, candidate))
            {
                FragmentIndex.Set(_isCandidate, candidate);
                _candidates.Add(candidate);
            }
        }

        // The candidates found, in the order found; the list is emptied for the next search, since
        // comparing them may search again.
        private int[] TakeCandidates()
        {
            if (_candidates.Count == 0)
            {
                return [];
            }

            var candidates = _candidates.ToArray();
            foreach (var candidate in candidates)
            {
                _isCandidate[candidate >> 6] &= ~(1UL << (candidate & 63));
            }

            _candidates.Clear();
            return candidates;
        }

        // The conflicts between the subfields of two fields of one response name.
        private List<Conflict> FindConflictsBetweenSubSelections(bool mutuallyExclusive, INamedType? firstType, SelectionSetNode firstSelections, INamedType? secondType, SelectionSetNode secondSelections)
        {
            var conflicts = _emptyLists.Count > 0 ? _emptyLists.Pop() : [];
            var first = Collect(firstType, firstSelections);
            var second = Collect(secondType, secondSelections);
            CollectConflictsBetween(conflicts, mutuallyExclusive, first, second);
            if (first.FragmentNames.Count == 0 && second.FragmentNames.Count == 0)
            {
                return conflicts;
            }

            foreach (var fragmentName in second.FragmentNames)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, first, fragmentName);
            }

            foreach (var fragmentName in first.FragmentNames)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, second, fragmentName);
            }

            foreach (var firstFragment in first.FragmentNames)
            {
                foreach (var secondFragment in second.FragmentNames)
                {
                    CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, firstFragment, secondFragment);
                }
            }

            return conflicts;
        }

        // Two fields of one response name: FieldsInSetCanMerge for the pair, and SameResponseShape.
        private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, CollectedField first, CollectedField second)
        {
            _context.FieldComparisons++;
            if (!HasStackToDescend())
            {
                return null;
            }

            // Fields on two different object types are never both in one result, so they need only
            // return the same shape; on the same type, or an abstract one, they must be the same field.
            var mutuallyExclusive = parentsMutuallyExclusive
                || (!ReferenceEquals(first.ParentType, second.ParentType) && first.ParentType is ObjectType && second.ParentType is ObjectType);
            if (!mutuallyExclusive)
            {
                var firstName = first.Node.Name.Value;
                var secondName = second.Node.Name.Value;
                if (firstName != secondName)
                {
                    return new Conflict(responseName, $"\"{firstName}\" and \"{secondName}\" are different fields", null, [first.Node], [second.Node]);
                }

                if (!SameArguments(first.Node.Arguments, second.Node.Arguments))
                {
                    return new Conflict(responseName, "they have differing arguments", null, [first.Node], [second.Node]);
                }
            }

            var firstType = first.Definition?.Type;
            var secondType = second.Definition?.Type;
            if (firstType is not null && secondType is not null && TypesConflict(firstType, secondType))
            {
                return new Conflict(responseName, $"they return conflicting types \"{firstType}\" and \"{secondType}\"", null, [first.Node], [second.Node]);
            }

            if (first.Node.SelectionSet is { } firstSelections && second.Node.SelectionSet is { } secondSelections)
            {
                var subfieldConflicts = FindConflictsBetweenSubSelections(
                    mutuallyExclusive, firstType?.NamedType(), firstSelections, secondType?.NamedType(), secondSelections);
                if (subfieldConflicts.Count == 0)
                {
                    _emptyLists.Push(subfieldConflicts);
                }
                else
                {
                    List<FieldNode> left = [first.Node];
                    List<FieldNode> right = [second.Node];
                    foreach (var subfieldConflict in subfieldConflicts)
                    {
                        left.AddRange(subfieldConflict.Left);
                        right.AddRange(subfieldConflict.Right);
                    }

                    return new Conflict(responseName, null, subfieldConflicts, left, right);
                }
            }

            return null;
        }

        private FieldsAndFragments Collect(INamedType? parentType, SelectionSetNode selectionSet)
        {
            if (!_collected.TryGetValue(selectionSet, out var collected))
            {
                collected = new FieldsAndFragments();
                CollectInto(parentType, selectionSet, collected);
                _collected[selectionSet] = collected;
            }

            return collected;
        }

        private void CollectInto(INamedType? parentType, SelectionSetNode selectionSet, FieldsAndFragments collected)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        var definition = parentType is null ? null : _context.TypeInfo.GetFieldDefinition(parentType, field.Name.Value);
                        collected.AddField(new CollectedField(parentType, field, definition));
                        break;
                    case FragmentSpreadNode spread:
                        collected.AddFragment(spread.Name.Value);
                        break;
                    case InlineFragmentNode inline:
                        var type = inline.TypeCondition is { } condition ? _context.Schema.GetType(condition.Name.Value) : parentType;
                        CollectInto(type, inline.SelectionSet, collected);
                        break;
                }
            }
        }

        // Chains of fragments can nest comparisons far deeper than the document's own nesting; past
        // what the stack can hold the search gives up, and the rule reports that instead.
        private bool HasStackToDescend()
        {
            if (!NestedTooDeeply && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                NestedTooDeeply = true;
            }

            return !NestedTooDeeply;
        }

        // SameResponseShape's test of the types themselves: lists and non-null must match, and leaf
        // types must be the same type; composite types are compared through their subfields.
        private static bool TypesConflict(IGraphQLType first, IGraphQLType second)
        {
            while (true)
            {
                if (first is ListType firstList)
                {
                    if (second is not ListType secondList)
                    {
                        return true;
                    }

                    first = firstList.OfType;
                    second = secondList.OfType;
                }
                else if (second is ListType)
                {
                    return true;
                }
                else if (first is NonNullType firstNonNull)
                {
                    if (second is not NonNullType secondNonNull)
                    {
                        return true;
                    }

                    first = firstNonNull.OfType;
                    second = secondNonNull.OfType;
                }
                else if (second is NonNullType)
                {
                    return true;
                }
                else
                {
                    return (first.IsLeafType() || second.IsLeafType()) && !first.IsSameType(second);
                }
            }
        }

        private static bool SameArguments(IReadOnlyList<ArgumentNode> first, IReadOnlyList<ArgumentNode> second)
        {
            if (first.Count != second.Count)
            {
                return false;
            }

            for (var i = 0; i < first.Count; i++)
            {
                var match = false;
                for (var j = 0; j < second.Count; j++)
                {
                    if (first[i].Name.Value == second[j].Name.Value)
                    {
                        match = SameValue(first[i].Value, second[j].Value);
                        break;
                    }
                }

                if (!match)
                {
                    return false;
                }
            }

            return true;
        }

        // Whether two literals denote the same value: object fields in any order, strings however quoted.
        private static bool SameValue(IValueNode first, IValueNode second)
        {
            switch (first, second)
            {
                case (VariableNode a, VariableNode b):
                    return a.Name.Value == b.Name.Value;
                case (IntValueNode a, IntValueNode b):
                    return a.Value == b.Value;
                case (FloatValueNode a, FloatValueNode b):
                    return a.Value == b.Value;
                case (StringValueNode a, StringValueNode b):
                    return a.Value == b.Value;
                case (BooleanValueNode a, BooleanValueNode b):
                    return a.Value == b.Value;
                case (NullValueNode, NullValueNode):
                    return true;
                case (EnumValueNode a, EnumValueNode b):
                    return a.Value == b.Value;
                case (ListValueNode a, ListValueNode b):
                    if (a.Values.Count != b.Values.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < a.Values.Count; i++)
                    {
                        if (!SameValue(a.Values[i], b.Values[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                case (ObjectValueNode a, ObjectValueNode b):
                    if (a.Fields.Count != b.Fields.Count)
                    {
                        return false;
                    }

                    foreach (var field in a.Fields)
                    {
                        var match = false;
                        foreach (var other in b.Fields)
                        {
                            if (field.Name.Value == other.Name.Value)
                            {
                                match = SameValue(field.Value, other.Value);
                                break;
                            }
                        }

                        if (!match)
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }
    }
}
