using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Values of Correct Type (spec §5.6.1, with the draft's <c>@oneOf</c> input objects): every literal
/// coerces to the input type expected where it is written. Scalars decide through
/// <see cref="ScalarType.CoerceLiteral"/>; enum values must be defined; null is refused in non-null
/// positions; a single value is accepted for a list; a <c>@oneOf</c> input object gets exactly one
/// field, not null. Variables are checked by <see cref="AllVariableUsagesAreAllowed"/>, and the
/// fields of input objects by the InputObject rules.
/// </summary>
public sealed class ValuesOfCorrectType : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ValuesOfCorrectType);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterListValue(ListValueNode node)
        {
            // TypeInfo has moved to the item type; the list's own position is the parent input type.
            if (TypeInfo.ParentInputType?.Nullable() is ListType or null)
            {
                return VisitAction.Continue;
            }

            CheckLeafValue(node);
            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterObjectValue(ObjectValueNode node)
        {
            if (TypeInfo.InputType?.NamedType() is not InputObjectType inputObject)
            {
                CheckLeafValue(node);
                return VisitAction.SkipChildren;
            }

            if (inputObject.IsOneOf)
            {
                if (node.Fields.Count != 1)
                {
                    ReportError($"OneOf Input Object \"{inputObject.Name}\" must specify exactly one key.", node);
                }
                else if (node.Fields[0].Value is NullValueNode)
                {
                    ReportError($"Field \"{inputObject.Name}.{node.Fields[0].Name.Value}\" must be non-null.", node);
                }
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterNullValue(NullValueNode node)
        {
            if (TypeInfo.InputType is NonNullType type)
            {
                ReportError($"Expected value of type \"{type}\", found null.", node);
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterIntValue(IntValueNode node) => CheckLeafValue(node);

        protected override VisitAction EnterFloatValue(FloatValueNode node) => CheckLeafValue(node);

        // Descriptions of operations, fragments and variables are string literals too, but not values.
        protected override VisitAction EnterStringValue(StringValueNode node) =>
            Parent is IHasDescription described && ReferenceEquals(described.Description, node) ? VisitAction.Continue : CheckLeafValue(node);

        protected override VisitAction EnterBooleanValue(BooleanValueNode node) => CheckLeafValue(node);

        protected override VisitAction EnterEnumValue(EnumValueNode node) => CheckLeafValue(node);

        // A literal (or a list or object literal where a scalar or enum is expected) against the scalar
        // or enum type expected here.
        private VisitAction CheckLeafValue(IValueNode node)
        {
            if (TypeInfo.InputType is not { } locationType)
            {
                return VisitAction.Continue;
            }

            switch (locationType.NamedType())
            {
                case EnumType enumType:
                    CheckEnumValue(node, enumType, locationType);
                    break;
                case ScalarType scalar:
                    var coercion = Coerce(scalar, node);
                    if (!coercion.Succeeded)
                    {
                        var reason = string.IsNullOrEmpty(coercion.Error) ? "." : $"; {coercion.Error}";
                        ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}{reason}", node);
                    }

                    break;
                default:
                    ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                    break;
            }

            return VisitAction.Continue;
        }

        private void CheckEnumValue(IValueNode node, EnumType enumType, IGraphQLType locationType)
        {
            if (node is EnumValueNode enumValue)
            {
                if (!enumType.Values.ContainsKey(enumValue.Value))
                {
                    ReportError(
                        $"Value \"{enumValue.Value}\" does not exist in \"{enumType.Name}\" enum.{SuggestEnumValues(enumType, enumValue.Value)}",
                        node);
                }

                return;
            }

            // A string that spells an enum value is the most common slip: point at the value meant.
            var hint = node is StringValueNode text ? SuggestEnumValues(enumType, text.Value) : string.Empty;
            ReportError(
                $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; Enum \"{enumType.Name}\" cannot represent non-enum value: {Printer.Print(node)}.{hint}",
                node);
        }

        private string SuggestEnumValues(EnumType enumType, string input) => Context.Options.IncludeSuggestions
            ? Suggestions.DidYouMean(Suggestions.Closest(input, enumType.Values.Keys), "the enum value")
            : string.Empty;

        // A scalar that throws instead of refusing still only makes the value invalid.
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Custom scalars are user code; any failure means the literal is invalid.")]
        private static ScalarCoercion Coerce(ScalarType scalar, IValueNode node)
        {
            try
            {
                return scalar.CoerceLiteral(node);
            }
            catch (Exception exception)
            {
                return ScalarCoercion.Fail(exception.Message);
            }
        }
    }
}
