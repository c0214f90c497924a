using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Single Root Field (spec §5.2.3.1, as the current draft words it): a subscription selects exactly one
/// root field, counting the fields its fragments add; that field is not an introspection field; and no
/// top-level selection uses <c>@skip</c> or <c>@include</c>, since the one field must be known
/// without the variables.
/// </summary>
public sealed class SingleRootField : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(SingleRootField);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            if (node.Operation != OperationType.Subscription || Context.Schema.Subscription is not { } subscriptionType)
            {
                return VisitAction.SkipChildren;
            }

            var subject = node.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
            var fields = new FieldsByResponseKey();
            var directives = new List<INode>();
            Collect(subscriptionType, node.SelectionSet, fields, directives);

            if (directives.Count > 0)
            {
                ReportError($"{subject} must not use `@skip` or `@include` directives in the top level selection.", directives);
            }

            if (fields.Keys.Count > 1)
            {
                var extra = new List<INode>();
                for (var i = 1; i < fields.Keys.Count; i++)
                {
                    extra.AddRange(fields.ByKey[fields.Keys[i]]);
                }

                ReportError($"{subject} must select only one top level field.", extra);
            }

            foreach (var key in fields.Keys)
            {
                var sameKey = fields.ByKey[key];
                if (((FieldNode)sameKey[0]).Name.Value.StartsWith("__", StringComparison.Ordinal))
                {
                    ReportError($"{subject} must not select an introspection top level field.", sameKey);
                }
            }

            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;

        // The spec's CollectSubscriptionFields: CollectFields without variables, where @skip and @include
        // are errors rather than conditions. Depth-first with an explicit stack, so long chains of
        // fragments cannot exhaust the thread's stack.
        private void Collect(ObjectType objectType, SelectionSetNode selectionSet, FieldsByResponseKey fields, List<INode> directives)
        {
            var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<(IReadOnlyList<ISelectionNode> Selections, int Next)>();
            pending.Push((selectionSet.Selections, 0));
            while (pending.Count > 0)
            {
                var (selections, next) = pending.Pop();
                if (next >= selections.Count)
                {
                    continue;
                }

                pending.Push((selections, next + 1));
                var selection = selections[next];
                foreach (var directive in selection.Directives)
                {
                    if (directive.Name.Value is "skip" or "include")
                    {
                        directives.Add(directive);
                    }
                }

                switch (selection)
                {
                    case FieldNode field:
                        fields.Add(field);
                        break;
                    case FragmentSpreadNode spread:
                        if (visitedFragments.Add(spread.Name.Value)
                            && Context.GetFragment(spread.Name.Value) is { } fragment
                            && Applies(objectType, fragment.TypeCondition))
                        {
                            pending.Push((fragment.SelectionSet.Selections, 0));
                        }

                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || Applies(objectType, inline.TypeCondition))
                        {
                            pending.Push((inline.SelectionSet.Selections, 0));
                        }

                        break;
                }
            }
        }

        // The spec's DoesFragmentTypeApply; an unknown type never applies.
        private bool Applies(ObjectType objectType, NamedTypeNode condition) => Context.Schema.GetType(condition.Name.Value) switch
        {
            ObjectType type => ReferenceEquals(type, objectType) || type.Name == objectType.Name,
            IAbstractType abstractType => Context.Schema.IsPossibleType(abstractType, objectType),
            _ => false,
        };
    }

    private sealed class FieldsByResponseKey
    {
        public List<string> Keys { get; } = [];

        public Dictionary<string, List<INode>> ByKey { get; } = new(StringComparer.Ordinal);

        public void Add(FieldNode field)
        {
            var key = field.ResponseKey;
            if (!ByKey.TryGetValue(key, out var sameKey))
            {
                sameKey = [];
                ByKey[key] = sameKey;
                Keys.Add(key);
            }

            sameKey.Add(field);
        }
    }
}
