using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>Input Object Field Names (spec §5.6.2): every field of an input object literal is one its type defines.</summary>
public sealed class InputObjectFieldNames : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(InputObjectFieldNames);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterObjectField(ObjectFieldNode node)
        {
            // TypeInfo has moved into the field; the object literal's type is the parent input type.
            var name = node.Name.Value;
            if (TypeInfo.ParentInputType?.NamedType() is InputObjectType inputObject && !inputObject.Fields.ContainsKey(name))
            {
                ReportError(
                    $"Field \"{name}\" is not defined by type \"{inputObject.Name}\".{Context.DidYouMean(name, inputObject.Fields.Keys)}",
                    node);
            }

            return VisitAction.Continue;
        }
    }
}
