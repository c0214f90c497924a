using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Everything the rules share while one document is validated: the schema and document, the
/// fragments by name, where the walk is (<see cref="TypeInfo"/>), the variable usages of each
/// operation and fragment, and the errors found so far.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>The message of the error that ends a validation which found too many errors.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _spreadsBySelectionSet = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _referencedFragments = [];
    private readonly Dictionary<INode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];

    // Usages of the executable definition the shared walk is in; null outside one, or when they were
    // already collected on demand.
    private List<VariableUsage>? _usagesBeingRecorded;

    internal ValidationContext(Schema schema, DocumentNode document, ValidationOptions options)
    {
        Schema = schema;
        Document = document;
        Options = options;
        TypeInfo = new TypeInfo(schema);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    _operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    // The first definition of a name wins; FragmentNameUniqueness reports the others.
                    _fragments.TryAdd(fragment.Name.Value, fragment);
                    break;
            }
        }
    }

    /// <summary>The schema the document is checked against.</summary>
    public Schema Schema { get; }

    /// <summary>The document being checked.</summary>
    public DocumentNode Document { get; }

    /// <summary>The options in force.</summary>
    public ValidationOptions Options { get; }

    /// <summary>Where in the schema the shared walk is.</summary>
    public TypeInfo TypeInfo { get; }

    /// <summary>The operations of the document, in order.</summary>
    public IReadOnlyList<OperationDefinitionNode> Operations => _operations;

    /// <summary>The errors found so far.</summary>
    public IReadOnlyList<GraphQLError> Errors => _errors;

    /// <summary>Whether validation stopped because <see cref="ValidationOptions.MaxErrors"/> was reached.</summary>
    public bool IsAborted { get; private set; }

    /// <summary>How many pairs of fields <see cref="FieldSelectionMerging"/> compared: the measure of its work, for tests.</summary>
    internal long FieldComparisons { get; set; }

    /// <summary>The fragment defined with <paramref name="name"/> (the first, if several are), or null.</summary>
    /// <param name="name">The fragment's name.</param>
    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The fragment spreads in a selection set, at any depth, not following the spreads.</summary>
    /// <param name="selectionSet">The selection set.</param>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        ArgumentNullException.ThrowIfNull(selectionSet);
        if (_spreadsBySelectionSet.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.Count > 0)
        {
            var selections = pending.Pop().Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                switch (selections[i])
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSelections }:
                        pending.Push(fieldSelections);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreadsBySelectionSet[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>The defined fragments an operation spreads, directly or through other fragments, each once.</summary>
    /// <param name="operation">The operation.</param>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_referencedFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>();
        pending.Push(operation.SelectionSet);
        while (pending.Count > 0)
        {
            var spreads = GetFragmentSpreads(pending.Pop());
            for (var i = 0; i < spreads.Count; i++)
            {
                var name = spreads[i].Name.Value;
                if (seen.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    pending.Push(fragment.SelectionSet);
                }
            }
        }

        _referencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables an operation or fragment uses as values, in document order, not following fragment spreads.</summary>
    /// <param name="definition">An operation or fragment definition of the document.</param>
    public IReadOnlyList<VariableUsage> GetVariableUsages(IExecutableDefinitionNode definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_variableUsages.TryGetValue(definition, out var recorded))
        {
            return recorded;
        }

        // Not walked yet (a rule asked early): walk just this definition with a tracker of its own.
        var collector = new VariableUsageCollector(Schema);
        AstWalker.Walk(definition, collector);
        _variableUsages[definition] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables an operation uses as values, including through the fragments it spreads.</summary>
    /// <param name="operation">The operation.</param>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>Reports an error located at the given nodes (those without a location are left out).</summary>
    /// <param name="rule">The name of the rule that found it.</param>
    /// <param name="message">The message, for people.</param>
    /// <param name="nodes">The nodes the error is about.</param>
    public void ReportError(string rule, string message, params ReadOnlySpan<INode?> nodes)
    {
        if (!MakeRoom())
        {
            return;
        }

        List<ErrorLocation>? locations = null;
        foreach (var node in nodes)
        {
            AddLocation(ref locations, node);
        }

        Add(rule, message, locations);
    }

    /// <summary>Reports an error located at the given nodes (those without a location are left out).</summary>
    /// <param name="rule">The name of the rule that found it.</param>
    /// <param name="message">The message, for people.</param>
    /// <param name="nodes">The nodes the error is about.</param>
    public void ReportError(string rule, string message, IReadOnlyList<INode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!MakeRoom())
        {
            return;
        }

        List<ErrorLocation>? locations = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            AddLocation(ref locations, nodes[i]);
        }

        Add(rule, message, locations);
    }

    /// <summary>
    /// <c> Did you mean "a", "b", or "c"?</c> for the options closest to <paramref name="input"/>, or an
    /// empty string when none is close or suggestions are off.
    /// </summary>
    /// <param name="input">What the document says.</param>
    /// <param name="options">What the schema has.</param>
    public string DidYouMean(string input, IEnumerable<string> options) =>
        Options.IncludeSuggestions ? Suggestions.DidYouMean(Suggestions.Closest(input, options)) : string.Empty;

    internal void EnterExecutableDefinition(IExecutableDefinitionNode definition) =>
        _usagesBeingRecorded = _variableUsages.ContainsKey(definition) ? null : [];

    internal void RecordVariableUsage(VariableNode node, INode? parent)
    {
        // Outside operations and fragments (type-system definitions) there are no usages to record.
        _usagesBeingRecorded?.Add(VariableUsage.At(node, TypeInfo, parent));
    }

    internal void LeaveExecutableDefinition(IExecutableDefinitionNode definition)
    {
        if (_usagesBeingRecorded is not null)
        {
            _variableUsages[definition] = _usagesBeingRecorded;
            _usagesBeingRecorded = null;
        }
    }

    private bool MakeRoom()
    {
        if (IsAborted)
        {
            return false;
        }

        if (_errors.Count < Options.MaxErrors)
        {
            return true;
        }

        IsAborted = true;
        _errors.Add(new GraphQLError(
            TooManyErrorsMessage,
            Extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = DocumentValidator.ErrorCode }));
        return false;
    }

    private void Add(string rule, string message, List<ErrorLocation>? locations) =>
        _errors.Add(new GraphQLError(
            message,
            locations,
            Extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = DocumentValidator.ErrorCode,
                ["rule"] = rule,
            }));

    private static void AddLocation(ref List<ErrorLocation>? locations, INode? node)
    {
        if (node?.Location is { } location)
        {
            (locations ??= []).Add(new ErrorLocation(location.Line, location.Column));
        }
    }

    // Collects the variable usages of one definition when the shared walk has not reached it yet.
    private sealed class VariableUsageCollector(Schema schema) : AstVisitor
    {
        private readonly TypeInfo _typeInfo = new(schema);

        public List<VariableUsage> Usages { get; } = [];

        public override VisitAction Enter(INode node)
        {
            _typeInfo.Enter(node);
            if (node is VariableNode variable && Parent is not VariableDefinitionNode)
            {
                Usages.Add(VariableUsage.At(variable, _typeInfo, Parent));
            }

            return VisitAction.Continue;
        }

        public override void Leave(INode node) => _typeInfo.Leave(node);
    }
}
