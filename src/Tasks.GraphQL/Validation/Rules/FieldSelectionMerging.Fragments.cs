using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

public sealed partial class FieldSelectionMerging
{
    /// <summary>
    /// The document's fragments by number, for comparisons that follow spreads: each fragment's
    /// fields, the fragments it spreads at its top level transitively (its closure), which fragments
    /// select each response name, and which pairs of fragments have been compared. Following a
    /// chain of spreads this way costs a lookup per fragment that shares a response name, not a
    /// recursive call per fragment of the chain.
    /// </summary>
    private sealed class FragmentIndex
    {
        private readonly ValidationContext _context;
        private readonly Func<INamedType?, SelectionSetNode, FieldsAndFragments> _collect;
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<FragmentDefinitionNode> _definitions = [];
        private readonly FieldsAndFragments?[] _fields;
        private readonly int[]?[] _closures;
        private readonly ulong[]?[] _closureBits;
        private readonly int[] _closureSizes;
        private readonly ulong[]?[] _pairsCompared;
        private readonly ulong[]?[] _pairsComparedExclusive;
        private Dictionary<string, List<int>>? _fragmentsByResponseName;

        public FragmentIndex(ValidationContext context, Func<INamedType?, SelectionSetNode, FieldsAndFragments> collect)
        {
            _context = context;
            _collect = collect;
            foreach (var definition in context.Document.Definitions)
            {
                // The first definition of a name is the one spreads refer to.
                if (definition is FragmentDefinitionNode fragment && _ids.TryAdd(fragment.Name.Value, _definitions.Count))
                {
                    _definitions.Add(fragment);
                }
            }

            _fields = new FieldsAndFragments?[_definitions.Count];
            _closures = new int[]?[_definitions.Count];
            _closureBits = new ulong[]?[_definitions.Count];
            _closureSizes = new int[_definitions.Count];
            Array.Fill(_closureSizes, -1);
            _pairsCompared = new ulong[]?[_definitions.Count];
            _pairsComparedExclusive = new ulong[]?[_definitions.Count];
        }

        public int Count => _definitions.Count;

        public int? Id(string name) => _ids.TryGetValue(name, out var id) ? id : null;

        public FieldsAndFragments Fields(int id)
        {
            if (_fields[id] is not { } fields)
            {
                var fragment = _definitions[id];
                fields = _collect(_context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
                _fields[id] = fields;
            }

            return fields;
        }

        /// <summary>Which fragments are in the closure of the fragment, as bits, and how many.</summary>
        public ulong[] ClosureBits(int id, out int size)
        {
            var bits = ClosureBits(id);
            if (_closureSizes[id] < 0)
            {
                var count = 0;
                foreach (var word in bits)
                {
                    count += System.Numerics.BitOperations.PopCount(word);
                }

                _closureSizes[id] = count;
            }

            size = _closureSizes[id];
            return bits;
        }

        /// <summary>The fragment and every fragment it spreads at its top level, directly or through others.</summary>
        public int[] Closure(int id, out ulong[] bits)
        {
            bits = ClosureBits(id);
            if (_closures[id] is not { } members)
            {
                var found = new List<int>();
                for (var word = 0; word < bits.Length; word++)
                {
                    for (var rest = bits[word]; rest != 0; rest &= rest - 1)
                    {
                        found.Add((word << 6) + System.Numerics.BitOperations.TrailingZeroCount(rest));
                    }
                }

                members = [.. found];
                _closures[id] = members;
            }

            return members;
        }

        // A fragment's closure is itself plus its spreads' closures, so closures are built children
        // first and shared: a chain of n fragments costs n unions of n bits. Within a cycle (an invalid
        // document) the children are not finished in time, so those fragments search directly instead.
        private ulong[] ClosureBits(int id)
        {
            if (_closureBits[id] is { } cached)
            {
                return cached;
            }

            var inProgress = new HashSet<int>();
            var pending = new Stack<(int Fragment, bool ChildrenDone)>();
            pending.Push((id, false));
            while (pending.Count > 0)
            {
                var (current, childrenDone) = pending.Pop();
                if (_closureBits[current] is not null)
                {
                    continue;
                }

                if (!childrenDone)
                {
                    if (!inProgress.Add(current))
                    {
                        continue;
                    }

                    pending.Push((current, true));
                    foreach (var spread in Fields(current).FragmentNames)
                    {
                        if (Id(spread) is { } child && _closureBits[child] is null && !inProgress.Contains(child))
                        {
                            pending.Push((child, false));
                        }
                    }

                    continue;
                }

                var bits = new ulong[Words(Count)];
                Set(bits, current);
                var complete = true;
                foreach (var spread in Fields(current).FragmentNames)
                {
                    if (Id(spread) is not { } child)
                    {
                        continue;
                    }

                    if (_closureBits[child] is { } childBits)
                    {
                        for (var word = 0; word < bits.Length; word++)
                        {
                            bits[word] |= childBits[word];
                        }
                    }
                    else
                    {
                        complete = false;
                    }
                }

                _closureBits[current] = complete ? bits : SearchClosure(current);
            }

            return _closureBits[id]!;
        }

        private ulong[] SearchClosure(int id)
        {
            var bits = new ulong[Words(Count)];
            var pending = new Stack<int>();
            pending.Push(id);
            Set(bits, id);
            while (pending.Count > 0)
            {
                foreach (var spread in Fields(pending.Pop()).FragmentNames)
                {
                    if (Id(spread) is { } next && !Test(bits, next))
                    {
                        Set(bits, next);
                        pending.Push(next);
                    }
                }
            }

            return bits;
        }

        /// <summary>The fragments whose own fields (not their spreads') include the response name.</summary>
        public List<int>? FragmentsSelecting(string responseName)
        {
            if (_fragmentsByResponseName is null)
            {
                _fragmentsByResponseName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var id = 0; id < Count; id++)
                {
                    foreach (var name in Fields(id).ResponseNames)
                    {
                        if (!_fragmentsByResponseName.TryGetValue(name, out var ids))
                        {
                            ids = [];
                            _fragmentsByResponseName[name] = ids;
                        }

                        ids.Add(id);
                    }
                }
            }

            return _fragmentsByResponseName.GetValueOrDefault(responseName);
        }

        /// <summary>Whether the pair was compared already (a comparison that was not exclusive covers an exclusive one); records it if not.</summary>
        public bool PairAlreadyCompared(int first, int second, bool mutuallyExclusive)
        {
            var (low, high) = first < second ? (first, second) : (second, first);
            var compared = _pairsCompared[low] ??= new ulong[Words(Count)];
            var comparedExclusive = _pairsComparedExclusive[low] ??= new ulong[Words(Count)];
            return AlreadyCompared(compared, comparedExclusive, high, mutuallyExclusive);
        }

        public static int Words(int bits) => (bits + 63) / 64;

        public static bool AlreadyCompared(ulong[] compared, ulong[] comparedExclusive, int id, bool mutuallyExclusive)
        {
            if (Test(compared, id) || (mutuallyExclusive && Test(comparedExclusive, id)))
            {
                return true;
            }

            Set(mutuallyExclusive ? comparedExclusive : compared, id);
            return false;
        }

        public static bool Test(ulong[] bits, int id) => (bits[id >> 6] & (1UL << (id & 63))) != 0;

        public static void Set(ulong[] bits, int id) => bits[id >> 6] |= 1UL << (id & 63);
    }
}
