using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Input Object Required Fields (spec §5.6.4): an input object literal gives every field of non-null
/// type that has no default. (An explicit <c>null</c> for one is reported by <see cref="ValuesOfCorrectType"/>.)
/// </summary>
public sealed class InputObjectRequiredFields : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(InputObjectRequiredFields);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterObjectValue(ObjectValueNode node)
        {
            if (TypeInfo.InputType?.NamedType() is InputObjectType inputObject)
            {
                foreach (var field in inputObject.Fields.Values)
                {
                    if (field.IsRequired && !IsGiven(node.Fields, field.Name))
                    {
                        ReportError($"Field \"{inputObject.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
                    }
                }
            }

            return VisitAction.Continue;
        }

        private static bool IsGiven(IReadOnlyList<ObjectFieldNode> fields, string name)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Name.Value == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
