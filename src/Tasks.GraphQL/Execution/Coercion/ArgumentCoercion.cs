using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Coercion;

/// <summary>CoerceArgumentValues (spec §6.4.1): a field's or directive's arguments from their literals, variables and defaults.</summary>
internal static class ArgumentCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>The coerced arguments, or null with <paramref name="error"/> saying which one is wrong.</summary>
    public static IReadOnlyDictionary<string, object?>? Coerce(
        IReadOnlyDictionary<string, InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?>? variables,
        out string? error)
    {
        error = null;
        if (definitions.Count == 0)
        {
            return None;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions.Values)
        {
            var name = definition.Name;
            var argument = Find(arguments, name);
            var hasValue = argument is not null;
            object? value = null;
            if (argument?.Value is VariableNode variable)
            {
                hasValue = variables is not null && variables.TryGetValue(variable.Name.Value, out value);
            }

            if (!hasValue && definition.DefaultValue is { } defaultValue)
            {
                if (!LiteralCoercion.TryCoerce(defaultValue, definition.Type, null, out value))
                {
                    error = $"Argument \"{name}\" has invalid default value {Printer.Print(defaultValue)}.";
                    return null;
                }

                coerced[name] = value;
            }
            else if (definition.Type is NonNullType && (!hasValue || (argument!.Value is VariableNode ? value is null : argument.Value is NullValueNode)))
            {
                error = !hasValue
                    ? argument?.Value is VariableNode missing
                        ? $"Argument \"{name}\" of required type \"{definition.Type}\" was provided the variable \"${missing.Name.Value}\" which was not provided a runtime value."
                        : $"Argument \"{name}\" of required type \"{definition.Type}\" was not provided."
                    : $"Argument \"{name}\" of non-null type \"{definition.Type}\" must not be null.";
                return null;
            }
            else if (hasValue)
            {
                if (argument!.Value is VariableNode)
                {
                    coerced[name] = value;
                }
                else if (LiteralCoercion.TryCoerce(argument.Value, definition.Type, variables, out value))
                {
                    coerced[name] = value;
                }
                else
                {
                    error = $"Argument \"{name}\" has invalid value {Printer.Print(argument.Value)}.";
                    return null;
                }
            }
        }

        return coerced;
    }

    /// <summary>Whether any argument value mentions a variable, so the coerced arguments differ between requests.</summary>
    public static bool UsesVariables(IReadOnlyList<ArgumentNode> arguments)
    {
        foreach (var argument in arguments)
        {
            if (UsesVariables(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesVariables(IValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(UsesVariables),
        ObjectValueNode objectValue => objectValue.Fields.Any(f => UsesVariables(f.Value)),
        _ => false,
    };

    private static ArgumentNode? Find(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return argument;
            }
        }

        return null;
    }
}
