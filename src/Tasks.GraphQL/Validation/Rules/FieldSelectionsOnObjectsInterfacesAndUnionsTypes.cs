using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Field Selections on Objects, Interfaces, and Unions Types (spec §5.3.1): every selected field is
/// defined on the type it is selected on; a union defines only <c>__typename</c>.
/// </summary>
public sealed class FieldSelectionsOnObjectsInterfacesAndUnionsTypes : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FieldSelectionsOnObjectsInterfacesAndUnionsTypes);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterField(FieldNode node)
        {
            if (TypeInfo.ParentType is { } parentType && TypeInfo.FieldDefinition is null)
            {
                var fieldName = node.Name.Value;
                ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\".{Suggest(parentType, fieldName)}", node);
            }

            return VisitAction.Continue;
        }

        // On an abstract type, a field some of its object types have is better reached through an
        // inline fragment on them; otherwise suggest the type's own fields with close names.
        private string Suggest(INamedType parentType, string fieldName)
        {
            if (!Context.Options.IncludeSuggestions)
            {
                return string.Empty;
            }

            var typeNames = TypesDefining(parentType, fieldName);
            if (typeNames.Count > 0)
            {
                return Suggestions.DidYouMean(typeNames, "to use an inline fragment on");
            }

            return parentType is IComplexType complex ? Context.DidYouMean(fieldName, complex.Fields.Keys) : string.Empty;
        }

        // Interfaces first, those implemented by more of the candidate objects before others; then objects.
        private List<string> TypesDefining(INamedType parentType, string fieldName)
        {
            var names = new List<string>();
            if (parentType is not IAbstractType abstractType)
            {
                return names;
            }

            var objects = new List<string>();
            var interfaceUses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var possible in Context.Schema.GetPossibleTypes(abstractType))
            {
                if (!possible.Fields.ContainsKey(fieldName))
                {
                    continue;
                }

                objects.Add(possible.Name);
                foreach (var implemented in possible.Interfaces)
                {
                    if (implemented.Fields.ContainsKey(fieldName))
                    {
                        interfaceUses[implemented.Name] = interfaceUses.GetValueOrDefault(implemented.Name) + 1;
                    }
                }
            }

            var interfaces = new List<KeyValuePair<string, int>>(interfaceUses);
            interfaces.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
            objects.Sort(StringComparer.Ordinal);
            foreach (var entry in interfaces)
            {
                names.Add(entry.Key);
            }

            names.AddRange(objects);
            return names;
        }
    }
}
