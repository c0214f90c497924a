using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Coercion;

/// <summary>
/// Input coercion of literals written in a document (spec §3.5-§3.10 "Input Coercion"; graphql-js <c>valueFromAST</c>),
/// with variables substituted by their coerced values. Lists become <c>object?[]</c>, input objects
/// <c>Dictionary&lt;string, object?&gt;</c>, enums their runtime values, scalars what <see cref="ScalarType.CoerceLiteral"/> gives.
/// </summary>
internal static class LiteralCoercion
{
    /// <summary>Coerces <paramref name="literal"/> to <paramref name="type"/>; false when it is not a valid value of it.</summary>
    public static bool TryCoerce(IValueNode literal, IGraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (literal is VariableNode variable)
        {
            // A variable that was not given is "undefined": callers that allow that (arguments, fields, items) check first.
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out value))
            {
                return false;
            }

            return value is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return literal is not NullValueNode && TryCoerce(literal, nonNull.OfType, variables, out value);
        }

        if (literal is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                return TryCoerceList(literal, list.OfType, variables, out value);
            case InputObjectType inputObject:
                return TryCoerceInputObject(literal, inputObject, variables, out value);
            case EnumType enumType:
                if (literal is EnumValueNode name && enumType.Values.TryGetValue(name.Value, out var enumValue))
                {
                    value = enumValue.Value;
                    return true;
                }

                return false;
            case ScalarType scalar:
                var coerced = scalar.CoerceLiteral(literal);
                value = coerced.Value;
                return coerced.Succeeded;
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="literal"/> is a variable the request did not give.</summary>
    public static bool IsMissingVariable(IValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    private static bool TryCoerceList(IValueNode literal, IGraphQLType itemType, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (literal is not ListValueNode list)
        {
            // A single value where a list is expected is a list of one (spec §3.11 "Input Coercion").
            if (!TryCoerce(literal, itemType, variables, out var single))
            {
                return false;
            }

            value = new[] { single };
            return true;
        }

        var items = new object?[list.Values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = list.Values[i];
            if (IsMissingVariable(item, variables))
            {
                if (itemType is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(item, itemType, variables, out items[i]))
            {
                return false;
            }
        }

        value = items;
        return true;
    }

    private static bool TryCoerceInputObject(IValueNode literal, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (literal is not ObjectValueNode objectValue)
        {
            return false;
        }

        foreach (var field in objectValue.Fields)
        {
            if (!type.Fields.ContainsKey(field.Name.Value))
            {
                return false;
            }
        }

        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in type.Fields.Values)
        {
            var given = FindField(objectValue, definition.Name);
            if (given is null || IsMissingVariable(given, variables))
            {
                if (definition.DefaultValue is { } defaultValue)
                {
                    if (!TryCoerce(defaultValue, definition.Type, null, out var defaulted))
                    {
                        return false;
                    }

                    coerced[definition.Name] = defaulted;
                }
                else if (definition.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(given, definition.Type, variables, out var fieldValue))
            {
                return false;
            }

            coerced[definition.Name] = fieldValue;
        }

        if (type.IsOneOf && (coerced.Count != 1 || coerced.Values.First() is null))
        {
            return false;
        }

        value = coerced;
        return true;
    }

    private static IValueNode? FindField(ObjectValueNode objectValue, string name)
    {
        foreach (var field in objectValue.Fields)
        {
            if (field.Name.Value == name)
            {
                return field.Value;
            }
        }

        return null;
    }
}
